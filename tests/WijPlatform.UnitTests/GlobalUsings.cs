// What the unit tests use throughout: the shared contracts and defaults.
global using WijPlatform.Contracts;
global using WijPlatform.Contracts.Vocabulary;
global using WijPlatform.ServiceDefaults.Messaging;
global using WijPlatform.ServiceDefaults.Security;
