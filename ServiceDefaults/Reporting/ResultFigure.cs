namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// One figure a service reports to the municipality, such as questions by domain. A figure whose
/// breakdowns split one population (each question has one channel) is <paramref name="Totalled"/>:
/// it gets a total row per month and team, and its small cells are then hidden so that the total
/// cannot give them away. Breakdowns that are not parts of one whole (cases opened and closed) are not.
/// </summary>
public sealed record ResultFigure(string Name, string Title, bool Totalled);

/// <summary>A count as a service's query yields it, before anything is hidden: never a person, only how many.</summary>
public sealed record ResultCount(string Month, string Team, string Figure, string Breakdown, long Count)
{
    /// <summary>
    /// A figure that measures an amount (hours given) rather than counting people or events names
    /// how many people are behind the cell: that, not the amount, decides whether it is shown. A
    /// source may add a row with breakdown <see cref="SmallCells.Total"/> that carries only the
    /// people behind the whole month and team, so that the total is shown only when they are enough.
    /// </summary>
    public ResultCount(string month, string team, string figure, string breakdown, long count, long? people)
        : this(month, team, figure, breakdown, count) => People = people;

    public long? People { get; init; }
}

/// <summary>
/// One published cell. <see cref="Count"/> is null when the cell is hidden; <see cref="Shown"/> is
/// what a reader sees: the number, "&lt;5" for a small count, or "x" (as Statistics Netherlands
/// marks a confidential cell) for a larger one hidden so that a small one beside it cannot be
/// worked out from the total.
/// </summary>
public sealed record ResultRow(string Month, string Team, string Figure, string Breakdown, long? Count, string Shown);

/// <summary>The answer of <c>GET /api/&lt;service&gt;/results</c>: the figures it knows and the rows of the months asked for.</summary>
public sealed record ResultsTable(string From, string To, int Threshold, IReadOnlyList<ResultFigure> Figures, IReadOnlyList<ResultRow> Rows);

/// <summary>The team a count falls under when it has no neighbourhood of its own.</summary>
public static class ResultTeams
{
    /// <summary>No postcode known, or one outside the neighbourhood map.</summary>
    public const string Unknown = "unknown";

    /// <summary>What the whole support point does, such as the activities in its centre, which belong to no one neighbourhood.</summary>
    public const string WholePoint = "whole point";
}
