import { Global, Module } from '@nestjs/common';
import { TrainingNeedController } from './training-need.controller';
import { TrainingNeeds } from './training-needs';

/** Training needs: recurring questions found, answered with articles or sessions, closed. */
@Global()
@Module({ controllers: [TrainingNeedController], providers: [TrainingNeeds], exports: [TrainingNeeds] })
export class TrainingModule {}
