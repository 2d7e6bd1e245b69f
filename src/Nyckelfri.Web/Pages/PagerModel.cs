using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Nyckelfri.Web.Pages;

/// <summary>Paging links that keep the list's other query parameters (search, filters).</summary>
public sealed record PagerModel(int PageNumber, int PageCount, int TotalCount, string Path, IQueryCollection Query)
{
    public string Href(int page)
    {
        var parameters = Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => q.Value.ToString());
        parameters["page"] = Math.Clamp(page, 1, Math.Max(PageCount, 1)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(Path, parameters!);
    }

    public static PagerModel For<T>(Nyckelfri.Common.Page<T> page, HttpRequest request) =>
        new(page.PageNumber, page.PageCount, page.TotalCount, request.Path, request.Query);
}
