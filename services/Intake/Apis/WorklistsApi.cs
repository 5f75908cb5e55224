using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Intake.Infrastructure;
using WijPlatform.Intake.Model;
using WijPlatform.ServiceDefaults.Http;

namespace WijPlatform.Intake.Apis;

public static class WorklistsApi
{
    public static RouteGroupBuilder MapWorklistsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/worklists").WithTags("Worklists");
        api.MapGet("/open-cases", ([AsParameters] PageRequest page, string? neighbourhood, Guid? regisseurId, CaseStore store, CancellationToken ct) =>
                store.ListAsync(null, neighbourhood, regisseurId, null, openOnly: true, page, ct))
            .WithSummary("Open cases, per neighbourhood and/or per regisseur");
        api.MapGet("/open-case-counts", ([AsParameters] PageRequest page, [AllowedValues("neighbourhood", "regisseur")] string? by, CaseStore store, CancellationToken ct) =>
                store.OpenCaseCountsAsync(by == "regisseur", page, ct))
            .WithSummary("How many cases are open per neighbourhood (default) or per regisseur (?by=regisseur)");
        api.MapGet("/overdue-actions", ([AsParameters] PageRequest page, string? owner, string? neighbourhood, PlanStore store, TimeProvider clock, CancellationToken ct) =>
                store.OverdueActionsAsync(TimeZones.TodayInAmsterdam(clock.GetUtcNow()), owner, neighbourhood, page, ct))
            .WithSummary("Plan actions past their due date (Amsterdam days) and not done, optionally for one owner");
        api.MapGet("/due-follow-ups", ([AsParameters] PageRequest page, string? neighbourhood, ReferralStore store, TimeProvider clock, CancellationToken ct) =>
                store.DueFollowUpsAsync(TimeZones.TodayInAmsterdam(clock.GetUtcNow()), neighbourhood, page, ct))
            .WithSummary("Referrals to partners whose follow-up date has come and that were not followed up yet");
        api.MapGet("/signals", ([AsParameters] PageRequest page, string? neighbourhood, Guid? regisseurId, CaseStore store, CancellationToken ct) =>
                store.OpenSignalsAsync(neighbourhood, regisseurId, page, ct))
            .WithSummary("Signals about residents (a partner's worry, the café's meal delivery finding no one, repeated no-shows) on open cases, until contact with the household is recorded");
        api.MapGet("/without-contact", WithoutContact)
            .WithSummary("Households with an open case and no recorded contact for the given number of weeks");
        return api;
    }

    public static async Task<Results<Ok<Page<QuietHousehold>>, ValidationProblem>> WithoutContact(
        [AsParameters] PageRequest page, [Range(1, 104)] int? weeks, string? neighbourhood, CaseStore store, TimeProvider clock, CancellationToken ct)
    {
        if (weeks is not (>= 1 and <= 104 and var n))
        {
            return Problems.Invalid("weeks", "Give the number of weeks without contact (1 to 104).");
        }
        return TypedResults.Ok(await store.WithoutContactSinceAsync(clock.GetUtcNow().UtcDateTime.AddDays(-7 * n), neighbourhood, page, ct));
    }
}
