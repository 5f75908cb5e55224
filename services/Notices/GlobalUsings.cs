// What every file of the service may use without saying so: data access, typed results, the shared
// contracts and defaults, and the service's own layers.
global using System.ComponentModel.DataAnnotations;
global using Dapper;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Microsoft.Extensions.Options;
global using Npgsql;
global using WijPlatform.Contracts;
global using WijPlatform.Contracts.Vocabulary;
global using WijPlatform.Notices.Apis;
global using WijPlatform.Notices.Infrastructure;
global using WijPlatform.Notices.Messaging;
global using WijPlatform.Notices.Model;
global using WijPlatform.Notices.Sending;
global using WijPlatform.Notices.Webhooks;
global using WijPlatform.ServiceDefaults.Data;
global using WijPlatform.ServiceDefaults.Http;
global using WijPlatform.ServiceDefaults.Messaging;
global using WijPlatform.ServiceDefaults.Security;
global using WijPlatform.ServiceDefaults.Texts;
