import { ComponentHarness } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';

/** Drives the assistant page as a user would: prompt box, buttons, status line and answer. */
export class AssistantPageHarness extends ComponentHarness {
  static hostSelector = 'app-assistant-page';

  private readonly input = this.locatorFor(MatInputHarness);
  private readonly status = this.locatorFor('[role="status"]');
  private readonly answer = this.locatorFor('[data-testid="answer"]');
  private readonly alert = this.locatorForOptional('[role="alert"]');
  private readonly live = this.locatorFor('[data-testid="answer-announcer"]');

  /** A button by its text: Send, Stop or Retry. */
  button(text: string): Promise<MatButtonHarness> {
    return this.locatorFor(MatButtonHarness.with({ text: new RegExp(text) }))();
  }

  async setPrompt(prompt: string): Promise<void> {
    await (await this.input()).setValue(prompt);
  }

  async ask(prompt: string): Promise<void> {
    await this.setPrompt(prompt);
    await (await this.button('Send')).click();
  }

  async stop(): Promise<void> {
    await (await this.button('Stop')).click();
  }

  async retry(): Promise<void> {
    await (await this.button('Retry')).click();
  }

  /** Whether a button (Send, Stop, Retry) is there and enabled. */
  async canPress(text: string): Promise<boolean> {
    const [button] = await this.locatorForAll(MatButtonHarness.with({ text: new RegExp(text) }))();
    return !!button && !(await button.isDisabled());
  }

  /** `idle`, `sending`, `streaming`, `done`, `stopped` or `error`. */
  async getStatus(): Promise<string | null> {
    return (await this.status()).getAttribute('data-status');
  }

  /** What the live status region says (a screen reader reads it at every change). */
  async getStatusText(): Promise<string> {
    return (await this.status()).text();
  }

  /** The token count beside the status, '' before the first token. */
  async getTokenCount(): Promise<string> {
    return (await this.locatorForOptional('.count')())?.text() ?? '';
  }

  async getAnswer(): Promise<string> {
    return (await this.answer()).text();
  }

  /** The prompt as it is in the box. */
  async getPrompt(): Promise<string> {
    return (await this.input()).getValue();
  }

  /** A CSS property of the "n / 2000" character count. */
  async getCounterStyle(property: string): Promise<string> {
    return (await this.locatorFor('.counter')()).getCssValue(property);
  }

  /** The form field's error messages. */
  async getFieldErrors(): Promise<string[]> {
    const errors = await this.locatorForAll('mat-error')();
    return Promise.all(errors.map((error) => error.text()));
  }

  async getError(): Promise<string | null> {
    return (await this.alert())?.text() ?? null;
  }

  /** What the polite live region says (once per answer). */
  async getAnnouncement(): Promise<string> {
    return (await this.live()).text();
  }
}
