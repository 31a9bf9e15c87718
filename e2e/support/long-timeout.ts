// Integration and e2e tests talk to real servers; the default 5 s is for unit tests.
jest.setTimeout(60_000);
