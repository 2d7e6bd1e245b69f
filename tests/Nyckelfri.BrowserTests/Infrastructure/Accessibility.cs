using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Nyckelfri.BrowserTests.Infrastructure;

public static class Accessibility
{
    /// <summary>
    /// Runs axe (all its default rules, whole page) and fails listing every violation. Only violations
    /// are asked for in full (axe's resultTypes): passes and the like are not read, and skipping their
    /// details keeps each run shorter.
    /// </summary>
    public static async Task AssertNoViolations(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        if (result.Violations.Length == 0) return;

        var report = new StringBuilder($"axe found {result.Violations.Length} accessibility violation(s) on {page.Url}:");
        foreach (var violation in result.Violations)
        {
            report.Append($"\n- {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes)
                report.Append($"\n    {node.Target}");
        }
        Assert.Fail(report.ToString());
    }
}
