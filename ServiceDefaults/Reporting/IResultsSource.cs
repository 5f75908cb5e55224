namespace WijPlatform.ServiceDefaults.Reporting;

/// <summary>
/// What a service counts for the municipality, from its own database: the figures it knows and
/// their counts per Amsterdam month (yyyy-MM) and neighbourhood team in a range. Counts only, never
/// a person; hiding small cells is done once, by <see cref="SmallCells"/>, not by the source.
/// </summary>
public interface IResultsSource
{
    IReadOnlyList<ResultFigure> Figures { get; }

    Task<IReadOnlyList<ResultCount>> CountAsync(MonthRange range, CancellationToken ct);
}
