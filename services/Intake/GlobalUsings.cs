// What every file of the service may use without saying so: data access, typed results, the shared
// contracts and defaults, and the service's own layers.
global using System.ComponentModel.DataAnnotations;
global using Dapper;
global using Microsoft.AspNetCore.Http.HttpResults;
global using Npgsql;
global using WijPlatform.Intake.Apis;
global using WijPlatform.Intake.Application;
global using WijPlatform.Intake.Infrastructure;
global using WijPlatform.Intake.Messaging;
global using WijPlatform.Intake.Model;
global using WijPlatform.Contracts;
global using WijPlatform.Contracts.Vocabulary;
global using WijPlatform.ServiceDefaults.Data;
global using WijPlatform.ServiceDefaults.Domain;
global using WijPlatform.ServiceDefaults.Http;
global using WijPlatform.ServiceDefaults.Messaging;
global using WijPlatform.ServiceDefaults.Reporting;
global using WijPlatform.ServiceDefaults.Security;
global using WijPlatform.ServiceDefaults.Texts;
