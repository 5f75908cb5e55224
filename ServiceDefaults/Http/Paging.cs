using System.ComponentModel.DataAnnotations;

namespace WijPlatform.ServiceDefaults.Http;

/// <summary>Query parameters of every list: ?page=1&amp;pageSize=20, at most 100 a page.</summary>
public sealed record PageRequest
{
    public const int MaxPageSize = 100;

    [Range(1, 1_000_000)]
    public int? Page { get; init; }

    [Range(1, MaxPageSize)]
    public int? PageSize { get; init; }

    public int Number => Page ?? 1;

    public int Size => PageSize ?? 20;

    public int Offset => (Number - 1) * Size;
}

/// <summary>One page of a list, with what a client needs to fetch the next.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, long TotalCount)
{
    public bool HasNextPage => (long)PageNumber * PageSize < TotalCount;
}
