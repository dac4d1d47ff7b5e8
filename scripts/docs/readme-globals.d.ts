// Stand-ins for the application code README blocks refer to without defining it. Blocks see them
// as globals, and a block's own declaration of the same name shadows them.

/** The app's authentication service, as the fetch-transport examples use it. */
declare const auth: {
  accessToken(): Promise<string>;
  refresh(): Promise<boolean>;
};

/** The app's session, whose signal drives a resource's request. */
declare const session: { user(): { name: string } | undefined };

/** The root component an example bootstraps. */
declare class App {}

/** The component of the quick starts, which the testing examples render. */
declare class Inbox {}

/** Shows text in the UI. */
declare function render(text: string): void;
