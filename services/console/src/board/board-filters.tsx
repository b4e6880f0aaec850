import type { TicketRow } from '../api/types';

export interface Filters {
  priority: string;
  category: string;
  assignee: string;
  text: string;
}

export const matches = (ticket: TicketRow, { priority, category, assignee, text }: Filters): boolean =>
  (!priority || (ticket.priority ?? 'untriaged') === priority) &&
  (!category || ticket.category === category) &&
  (!assignee || ticket.assigneeEmail === assignee) &&
  (!text || ticket.title.toLowerCase().includes(text.toLowerCase()));

const distinct = (values: Array<string | null>) =>
  [...new Set(values.filter((value): value is string => Boolean(value)))].sort();

/** The board's filters: priority, category, assignee (those present on the board), and text in titles. */
export const BoardFilters = ({
  filters,
  onChange,
  tickets,
}: {
  filters: Filters;
  onChange: (filters: Filters) => void;
  tickets: TicketRow[];
}) => {
  const choice = (key: keyof Filters, name: string, options: string[]) => (
    <div className="field">
      <label htmlFor={`filter-${key}`}>{name}</label>
      <select
        id={`filter-${key}`}
        value={filters[key]}
        onChange={(event) => onChange({ ...filters, [key]: event.target.value })}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </div>
  );
  return (
    <form className="filters" role="search" onSubmit={(event) => event.preventDefault()}>
      {choice('priority', 'Priority', ['P1', 'P2', 'P3', 'P4', 'untriaged'])}
      {choice('category', 'Category', distinct(tickets.map(({ category }) => category)))}
      {choice('assignee', 'Assignee', distinct(tickets.map(({ assigneeEmail }) => assigneeEmail)))}
      <div className="field">
        <label htmlFor="filter-text">Title contains</label>
        <input
          id="filter-text"
          type="search"
          value={filters.text}
          onChange={(event) => onChange({ ...filters, text: event.target.value })}
        />
      </div>
    </form>
  );
};
