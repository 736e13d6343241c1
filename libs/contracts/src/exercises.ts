// Exercise library types shared by the API and the dashboard (filled in with the exercises module).
export {};
