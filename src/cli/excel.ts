import type { Command } from 'commander';

/** `jiangwan import` and `jiangwan export` (filled in by the Excel work). */
export function registerExcelCommands(program: Command, _withDatabase: unknown) {
  program.command('import <file>').description('从 Excel 导入房屋与业主 Import the registry from Excel').action(() => {
    throw new Error('not yet');
  });
  program.command('export <file>').description('导出房屋与业主到 Excel Export the registry to Excel').action(() => {
    throw new Error('not yet');
  });
}
