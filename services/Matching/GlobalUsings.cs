// What every file of the service may use without saying so: data access, typed results, the shared
// contracts and defaults, and the service's own layers.
global using System.ComponentModel.DataAnnotations;
global using Dapper;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
global using Npgsql;
global using WijPlatform.Matching.Apis;
global using WijPlatform.Matching.Application;
global using WijPlatform.Matching.Infrastructure;
global using WijPlatform.Matching.Messaging;
global using WijPlatform.Matching.Model;
global using WijPlatform.Contracts;
global using WijPlatform.Contracts.Vocabulary;
global using WijPlatform.ServiceDefaults.Data;
global using WijPlatform.ServiceDefaults.Domain;
global using WijPlatform.ServiceDefaults.Http;
global using WijPlatform.ServiceDefaults.Messaging;
global using WijPlatform.ServiceDefaults.Reporting;
global using WijPlatform.ServiceDefaults.Security;
global using WijPlatform.ServiceDefaults.Texts;
