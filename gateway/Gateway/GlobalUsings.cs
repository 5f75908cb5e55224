// What the gateway's files use throughout.
global using Dapper;
global using Microsoft.Extensions.Options;
global using Npgsql;
global using WijPlatform.Gateway.Security;
global using WijPlatform.ServiceDefaults.Http;
global using WijPlatform.ServiceDefaults.Security;
global using WijPlatform.ServiceDefaults.Texts;
