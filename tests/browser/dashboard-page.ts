import type { Locator, Page } from 'playwright-core';

/** The staff dashboard (apps/dashboard, react-admin), found by roles, labels and text. */
export class DashboardPage {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in', exact: true });
  }

  /** The password input (no ARIA role of its own); anchored so the "show password" toggle is not matched. */
  passwordInput(label: string): Locator {
    return this.page.getByLabel(new RegExp(`^${label}`));
  }

  menuItem(name: string): Locator {
    return this.page.getByRole('menuitem', { name });
  }

  async openSignIn(): Promise<void> {
    await this.page.goto(`${this.origin}/#/login`);
    await this.signInButton.waitFor();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Email' }).fill(email);
    await this.passwordInput('Password').fill(password);
    await this.signInButton.click();
    await this.menuItem('Your account').waitFor();
  }
}
