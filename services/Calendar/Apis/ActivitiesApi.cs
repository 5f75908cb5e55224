using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;
using WijPlatform.Calendar.Infrastructure;
using WijPlatform.Calendar.Model;
using WijPlatform.ServiceDefaults.Http;
using WijPlatform.ServiceDefaults.Messaging;

namespace WijPlatform.Calendar.Apis;

public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/calendar/activities").WithTags("Activities");
        api.MapPost("/", CreateActivity).WithSummary("Create an activity");
        api.MapGet("/", ListActivities).WithSummary("Activities in time order; filter with ?from, ?to and ?category");
        api.MapGet("/{id:guid}", GetActivity).WithSummary("One activity");
        api.MapPost("/{id:guid}/signups", SignUp).WithSummary("Sign a resident up; when the activity is full they join the waiting list");
        api.MapGet("/{id:guid}/signups", async Task<Ok<Page<Signup>>> (Guid id, [AsParameters] PageRequest page, ActivityStore store, CancellationToken ct) =>
            TypedResults.Ok(await store.ListSignupsAsync(id, page, ct))).WithSummary("Sign-ups in the order they came in");
        return api;
    }

    public static async Task<Results<Created<Activity>, ValidationProblem>> CreateActivity(CreateActivity request, UnitOfWorkFactory unitOfWork, ActivityStore store, TimeProvider clock, CancellationToken ct)
    {
        if (request.EndsAt <= request.StartsAt)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["endsAt"] = ["The end must be after the start."] });
        }
        var activity = new Activity(NewId.NextGuid(), request.Title.Trim(), request.Description ?? "", request.Category.Trim().ToLowerInvariant(), request.Room,
            request.StartsAt.UtcDateTime, request.EndsAt.UtcDateTime, request.Capacity, clock.GetUtcNow().UtcDateTime);
        await using var work = await unitOfWork.BeginAsync(ct);
        await store.InsertAsync(work, activity, ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/activities/{activity.Id}", activity);
    }

    public static async Task<Ok<Page<Activity>>> ListActivities([AsParameters] PageRequest page, DateTimeOffset? from, DateTimeOffset? to, string? category, ActivityStore store, CancellationToken ct) =>
        TypedResults.Ok(await store.ListAsync(from?.UtcDateTime, to?.UtcDateTime, category, page, ct));

    public static async Task<Results<Ok<Activity>, ProblemHttpResult>> GetActivity(Guid id, ActivityStore store, CancellationToken ct) =>
        await store.FindAsync(id, ct) is { } activity ? TypedResults.Ok(activity) : NotFound(id);

    public static async Task<Results<Created<Signup>, ProblemHttpResult>> SignUp(Guid id, SignUpRequest request, UnitOfWorkFactory unitOfWork, ActivityStore store, CancellationToken ct)
    {
        await using var work = await unitOfWork.BeginAsync(ct);
        var signup = await store.SignUpAsync(work, id, NewId.NextGuid(), request.DisplayName.Trim(), request.Phone, ct);
        if (signup is null)
        {
            return NotFound(id);
        }
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/calendar/activities/{id}/signups/{signup.Id}", signup);
    }

    private static ProblemHttpResult NotFound(Guid id) =>
        Problems.NotFound("Activity not found.", $"There is no activity {id}.");
}

public sealed record CreateActivity(
    [property: Required, StringLength(200, MinimumLength = 1)] string Title,
    [property: StringLength(4000)] string? Description,
    [property: Required, StringLength(50, MinimumLength = 1)] string Category,
    [property: StringLength(100)] string? Room,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    [property: Range(0, 10000)] int Capacity);

public sealed record SignUpRequest(
    [property: Required, StringLength(100, MinimumLength = 1)] string DisplayName,
    [property: Phone, StringLength(30)] string? Phone = null);
