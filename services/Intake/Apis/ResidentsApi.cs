using MassTransit;

namespace WijPlatform.Intake.Apis;

public static class ResidentsApi
{
    public static RouteGroupBuilder MapResidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/intake/residents").WithTags("Residents").RequireRoles(WijRoles.Desk, WijRoles.Professional).Audited("resident");
        api.MapPost("/", RegisterResident)
            .WithSummary("Register a resident; without a householdId a new household is started at the address");
        api.MapGet("/", FindResidents)
            .WithSummary("Find residents by postcode and house number, or by (part of) the name; a resident of another team only by name, and only the name, date of birth and team (limited)");
        api.MapGet("/{id:guid}", GetResident).WithSummary("One resident; of another team only the name, date of birth and team (limited)");
        return api;
    }

    public static async Task<Results<Created<Resident>, ValidationProblem, ProblemHttpResult>> RegisterResident(
        RegisterResident request, TeamScope scope, UnitOfWorkFactory unitOfWork, ResidentStore store, NeighbourhoodTable neighbourhoods, TimeProvider clock, CancellationToken ct)
    {
        var errors = request.Validate(clock.GetUtcNow());
        if (!Postcode.TryParse(request.Postcode, out var postcode))
        {
            errors["postcode"] = "intake.enter-dutch-postcode-such";
        }
        Household? household = null;
        if (request.HouseholdId is { } householdId && postcode is { } given)
        {
            var found = await store.FindHouseholdAsync(householdId, scope, ct);
            if (found.Refusal is { } refusal)
            {
                return Problems.Forbidden(refusal);
            }
            household = found.Value;
            if (household is null)
            {
                errors["householdId"] = new Text("intake.no-such-household", householdId);
            }
            else if (household.Postcode != given.Value || !string.Equals(household.HouseNumber, request.HouseNumber.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                errors["householdId"] = "intake.household-lives-another-address";
            }
        }
        if (errors.Count > 0 || postcode is not { } valid)
        {
            return Problems.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var work = await unitOfWork.BeginAsync(ct);
        if (household is null)
        {
            household = new Household(NewId.NextGuid(), valid.Value, request.HouseNumber.Trim(), request.Street?.Trim(), request.City?.Trim(), neighbourhoods.Find(valid), now);
            await store.InsertHouseholdAsync(work, household, ct);
        }
        var resident = new Resident(NewId.NextGuid(), household.Id, request.FirstName.Trim(), request.LastName.Trim(), request.DateOfBirth,
            Blank(request.Phone), Blank(request.Email), request.PreferredContact, household.Postcode, household.HouseNumber, household.Street, household.City,
            household.Neighbourhood, null, now);
        await store.InsertResidentAsync(work, resident, ct);
        await work.PublishAsync(ContactOf(resident, now), ct);
        await work.CommitAsync(ct);
        return TypedResults.Created($"/api/intake/residents/{resident.Id}", resident);
    }

    /// <summary>
    /// How the resident is reached, for the notices service: sent at registration and again when the desk
    /// records a new number or a move, stamped <paramref name="recordedAt"/> so that the newest wins.
    /// </summary>
    public static ResidentContactRecorded ContactOf(Resident resident, DateTime recordedAt) =>
        new(resident.Id, resident.FirstName!, resident.LastName!, resident.PreferredContact ?? "letter",
            resident.Phone, resident.Email, resident.Street, resident.HouseNumber!, resident.Postcode!, resident.City, recordedAt);

    public static async Task<Results<Ok<Page<Resident>>, ValidationProblem>> FindResidents(
        [AsParameters] PageRequest page, string? postcode, string? houseNumber, string? name, TeamScope scope, ResidentStore store, CancellationToken ct)
    {
        Postcode? parsed = null;
        if (postcode is not null && !Postcode.TryParse(postcode, out parsed))
        {
            return Problems.Invalid("postcode", "intake.enter-dutch-postcode-such");
        }
        if (parsed is null && string.IsNullOrWhiteSpace(name))
        {
            return Problems.Invalid("name", "intake.search-postcode-house-number");
        }
        return TypedResults.Ok(await store.SearchResidentsAsync(parsed?.Value, Blank(houseNumber), Blank(name), scope, page, ct));
    }

    public static async Task<Results<Ok<Resident>, ProblemHttpResult>> GetResident(Guid id, TeamScope scope, ResidentStore store, CancellationToken ct) =>
        await store.FindResidentAsync(id, scope, ct) is { } resident ? TypedResults.Ok(resident) : Problems.NotFound("resident", id);


    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>A resident as the desk registers them. Email and phone are optional.</summary>
public sealed record RegisterResident(
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, StringLength(100, MinimumLength = 1)] string LastName,
    DateOnly DateOfBirth,
    [property: Required, StringLength(10)] string Postcode,
    [property: Required, StringLength(10, MinimumLength = 1), RegularExpression("^[0-9]{1,5}( ?[A-Za-z0-9-]{1,4})?$")] string HouseNumber,
    [property: Required, AllowedValues("phone", "sms", "email", "letter", "home-visit", "desk", "via-informal-carer")] string PreferredContact,
    [property: StringLength(200)] string? Street = null,
    [property: StringLength(100)] string? City = null,
    [property: Phone, StringLength(30)] string? Phone = null,
    [property: EmailAddress, StringLength(200)] string? Email = null,
    Guid? HouseholdId = null)
{
    public Dictionary<string, Text> Validate(DateTimeOffset now)
    {
        var errors = new Dictionary<string, Text>();
        if (DateOfBirth > Amsterdam.Today(now) || DateOfBirth.Year < 1900)
        {
            errors["dateOfBirth"] = "intake.enter-date-birth-between";
        }
        if (PreferredContact == "email" && string.IsNullOrWhiteSpace(Email))
        {
            errors["email"] = "intake.preferred-contact-email-so";
        }
        if (PreferredContact is "phone" or "sms" && string.IsNullOrWhiteSpace(Phone))
        {
            errors["phone"] = "intake.preferred-contact-phone-so";
        }
        return errors;
    }
}
