using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nyckelfri.BrowserTests.Infrastructure;

public static class Accessibility
{
    // What axe has already passed in this run: a page's address pattern, viewport and shape (see Shape).
    private static readonly ConcurrentDictionary<string, bool> Passed = new();
    private static int _visits;
    private static int _runs;

    /// <summary>Pages checked, and how many of them axe actually ran on (the others had a shape it had passed).</summary>
    public static (int Visits, int AxeRuns) Counts => (_visits, _runs);

    /// <summary>
    /// Runs axe (all its default rules, whole page) and fails listing every violation; unless axe has
    /// already passed a page of the same address pattern, viewport and shape in this run. The shape is
    /// every distinct kind of element on the page: tag, role, input type, classes and the names of its
    /// attributes. A page showing only other data in the same kinds of elements gives axe nothing new;
    /// one with a new kind (an error summary, a badge in another colour, an open dialog, another
    /// layout at phone width) is checked again. Only violations are asked for in full (axe's
    /// resultTypes): skipping the details of passes keeps each run shorter.
    /// </summary>
    public static async Task AssertNoViolations(IPage page, string addressPattern)
    {
        Interlocked.Increment(ref _visits);
        var viewport = page.ViewportSize is { } size ? $"{size.Width}x{size.Height}" : "?";
        var key = $"{addressPattern} {viewport} {await Shape(page)}";
        if (Passed.ContainsKey(key)) return;

        Interlocked.Increment(ref _runs);
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        if (result.Violations.Length == 0)
        {
            Passed.TryAdd(key, true);
            return;
        }

        var report = new StringBuilder($"axe found {result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
                report.Append($"\n    {node.Target}");
        }
        Assert.Fail(report.ToString());
    }

    private const string ShapeScript = """
        () => {
          const kinds = new Set();
          for (const el of document.querySelectorAll('html, body, body *')) {
            const names = [...el.attributes].map(a => a.name).sort().join(',');
            kinds.add([el.tagName, el.getAttribute('role') ?? '', el.getAttribute('type') ?? '', el.getAttribute('class') ?? '',
              el.getAttribute('lang') ?? '', names].join('|'));
          }
          return [...kinds].sort().join('\n') + '\n' + document.title.length;
        }
        """;

    private static async Task<string> Shape(IPage page) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(await page.EvaluateAsync<string>(ShapeScript))))[..24];
}
