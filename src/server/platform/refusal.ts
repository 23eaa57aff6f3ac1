/** A refusal to start, in Chinese and English, naming the setting to change; the CLI prints it without a stack trace. */
export class StartupRefusal extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'StartupRefusal';
  }
}
