import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '@hypercare/auth';
import { id } from '@hypercare/contracts';
import { InvalidCommand } from '@hypercare/domain-kit';
import { ApiOutcomes, ValidQuery } from '@hypercare/service-kit';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { listTickets, ticketListQuery } from './ticket-list.query';
import { ticketPage } from './ticket.schemas';

const ownTicketsQuery = ticketListQuery
  .omit({ reporter: true, assignee: true, minPosition: true })
  .extend({ periodId: id.optional().describe('Only the reports made in this period') });

/** A reporter's "my reports": the tickets of the reports a person made, wherever they made them. */
@ApiTags('tickets')
@Controller('people')
export class OwnTicketsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get(':email/tickets')
  @Access('ticket.read', { kind: 'person', param: 'email' })
  @ApiOperation({
    summary:
      "A person's own reports and where each stands (theirs, as their identity provider vouches for their email; anyone's for a platform-wide reader)",
  })
  @ApiOutcomes({ status: 200, description: 'One page of their tickets', schema: ticketPage }, 400, 404)
  mine(@Param('email') email: string, @ValidQuery(ownTicketsQuery) query: z.infer<typeof ownTicketsQuery>) {
    if (!z.string().email().safeParse(email).success)
      throw new InvalidCommand([{ field: 'email', message: `"${email}" is not an email` }]);
    return listTickets(this.dataSource, query.periodId, { ...query, reporter: email });
  }
}
