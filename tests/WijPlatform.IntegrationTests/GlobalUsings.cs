// What the integration tests use throughout: HTTP and JSON, the stack's hosting parts and the contracts.
global using System.Net;
global using System.Net.Http.Json;
global using System.Text.Json;
global using Npgsql;
global using WijPlatform.Contracts;
global using WijPlatform.Hosting;
global using WijPlatform.IntegrationTests.Intake;
