import { Module } from '@nestjs/common';
import { HomeController } from './home.controller';
import { HomeRepository } from './home.repository';

@Module({ controllers: [HomeController], providers: [HomeRepository] })
export class HomeModule {}
