import { tableRedirect } from './table-redirect';

describe('tableRedirect', () => {
  const redirect = tableRedirect(['reporting.tickets', '"reporting"."timeline"']);

  it('points bare and quoted references to the named tables at the temporary ones', () => {
    expect(
      redirect('select * from reporting.tickets t join "reporting"."timeline" l using (ticket_id)'),
    ).toBe('select * from pg_temp."tickets" t join pg_temp."timeline" l using (ticket_id)');
  });

  it('leaves other tables, other schemas and longer names alone', () => {
    const sql =
      'select * from reporting.periods, reporting_received.tickets, reporting.tickets_old, other.tickets';
    expect(redirect(sql)).toBe(sql);
  });

  it('refuses a name without its schema, and two tables of one name', () => {
    expect(() => tableRedirect(['tickets'])).toThrow('tickets is not a schema-qualified table name');
    expect(() => tableRedirect(['a.tickets', 'b.tickets'])).toThrow(
      'two tables would share the temporary name pg_temp."tickets"',
    );
  });
});
