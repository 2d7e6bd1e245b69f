using Microsoft.EntityFrameworkCore;

namespace Nyckelfri.Common;

/// <summary>One page of a list. Pages are 1-based; the size is clamped so no request can ask for everything.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int TotalCount)
{
    public const int DefaultSize = 25;
    public const int MaxSize = 200;

    public int PageCount => TotalCount == 0 ? 1 : (TotalCount + PageSize - 1) / PageSize;
    public bool HasPrevious => PageNumber > 1;
    public bool HasNext => PageNumber < PageCount;
}

public static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int? page, int? size, CancellationToken ct)
    {
        var pageSize = Math.Clamp(size ?? Page<T>.DefaultSize, 1, Page<T>.MaxSize);
        var pageNumber = Math.Max(page ?? 1, 1);
        var total = await query.CountAsync(ct);
        var items = await query.Skip((pageNumber - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<T>(items, pageNumber, pageSize, total);
    }
}
