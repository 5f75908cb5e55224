// What the shared defaults use throughout: hosting, configuration and logging, ASP.NET Core's HTTP
// types, data access, and the defaults' own parts.
global using System.Reflection;
global using System.Text.Json;
global using Dapper;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.Extensions.Configuration;
global using Microsoft.Extensions.DependencyInjection;
global using Microsoft.Extensions.Hosting;
global using Microsoft.Extensions.Logging;
global using Microsoft.Extensions.Options;
global using Npgsql;
global using WijPlatform.ServiceDefaults.Data;
global using WijPlatform.ServiceDefaults.Hosting;
global using WijPlatform.ServiceDefaults.Http;
global using WijPlatform.ServiceDefaults.Messaging;
global using WijPlatform.ServiceDefaults.Security;
global using WijPlatform.ServiceDefaults.Reporting;
global using WijPlatform.ServiceDefaults.Texts;
