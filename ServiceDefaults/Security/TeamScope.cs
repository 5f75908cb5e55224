using System.Security.Claims;

namespace WijPlatform.ServiceDefaults.Security;

/// <summary>
/// The neighbourhood teams whose records (residents' files, households, cases, plans, worklists) the
/// caller reaches. A professional works in one team (claim <c>team</c>) and reaches that team's
/// records only; a professional whose token names no team reaches none. The desk serves the whole
/// point: it registers residents and questions for every team (it reads no case or plan: its role is
/// not admitted there). An administrator reaches every team.
/// </summary>
public sealed class TeamScope : IBindableFromHttpContext<TeamScope>, IRecordScope
{
    public const string Refusal = "shared.other-team";

    private TeamScope(bool everyTeam, string? team) => (EveryTeam, Team) = (everyTeam, team);

    public static TeamScope All { get; } = new(true, null);

    public static TeamScope None { get; } = new(false, null);

    public static string Kind => "team";

    /// <summary>True for the desk and administrators.</summary>
    public bool EveryTeam { get; }

    /// <summary>The caller's own team (a neighbourhood); null for every team and for none.</summary>
    public string? Team { get; }

    public static TeamScope Of(string team) => new(false, team);

    /// <summary>The record, if the caller's team has it; someone else's is refused.</summary>
    public Scoped<T> Check<T>(T? record, Func<T, string?> neighbourhoodOf)
        where T : class =>
        Scoped.Check(record, record is not null && Covers(neighbourhoodOf(record)), Refusal);

    public bool Covers(string? neighbourhood) => EveryTeam || (Team is not null && string.Equals(Team, neighbourhood, StringComparison.Ordinal));

    /// <summary>The SQL condition on a neighbourhood column; the query passes <c>everyTeam</c> and <c>team</c> from this scope.</summary>
    public static string Filter(string column) => $"(@everyTeam OR {column} = @team)";

    public static TeamScope For(ClaimsPrincipal user, IReadOnlyCollection<string> admittedRoles)
    {
        if (admittedRoles.Contains(WijRoles.Admin) || admittedRoles.Contains(WijRoles.Desk))
        {
            return All;
        }
        return admittedRoles.Contains(WijRoles.Professional) && user.Team() is { } team && !string.IsNullOrWhiteSpace(team) ? Of(team) : None;
    }

    public static ValueTask<TeamScope?> BindAsync(HttpContext context, ParameterInfo parameter) =>
        ValueTask.FromResult<TeamScope?>(For(context.User, EndpointRoles.Admitted(context)));
}
