using System.Diagnostics;
using System.Net;
using System.Text;
using Nyckelfri.Data;
using Nyckelfri.Identity;
using Nyckelfri.IntegrationTests.Infrastructure;
using Nyckelfri.IntegrationTests.Web;
using Xunit.Abstractions;

namespace Nyckelfri.IntegrationTests.Security;

/// <summary>
/// The write half of the authorization matrix: every page handler that is not a GET and every API write,
/// sent by every role, by nobody and by the API key, on real records. A refused caller gets 403 (401
/// when nobody) from the API, or the redirect to /Konto/Nekad (the login page when nobody) from a page,
/// and the database is exactly as it was; an allowed caller is not refused and causes no server error.
/// A refused caller may not answer 404 either: every handler checks the right before it looks anything
/// up, so no row needs the allowance for a record outside the role's scope.
/// </summary>
public sealed class WriteAuthorizationTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    /// <summary>Allowed, these end every session and token of the caller's login, so they are sent after every other row.</summary>
    private const string Logout = "POST /Konto/Logga-ut";
    private const string ApiLogout = "POST /api/v1/auth/logout";

    private sealed record Row(string Key, string[]? Allowed, bool IsPage, string Method, string Url);

    /// <summary>What a run did, for the test's output: its size, where the time went, what allowed callers got.</summary>
    private sealed class Tally
    {
        public int Requests { get; set; }
        public int Fingerprints { get; set; }
        public Stopwatch Fingerprinting { get; } = new();
        public List<(int Status, string Label)> AllowedAnswers { get; } = [];
    }

    [DatabaseTheory, DatabaseProviders]
    public async Task EveryWrite_RefusesEveryRoleTheMatrixDoesNotAllow_WithoutChangingTheDatabase(DatabaseProvider provider)
    {
        var app = await fixture.For(provider);
        var targets = await WriteTargets.ArrangeAsync(app);
        var failures = new List<string>();
        var rows = await Rows(app, targets, failures);
        var callers = await MatrixCaller.AllAsync(app);
        var tally = new Tally();
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var row in rows)
            {
                // Earlier rows change the callers' logins (turning two-factor off gives a new security stamp), and the
                // API logout ends every session of its caller: each logout row is sent with fresh logins.
                if (row.Key is Logout or ApiLogout)
                {
                    foreach (var caller in callers) caller.Dispose();
                    callers = await MatrixCaller.AllAsync(app, freshTokens: true);
                }
                await SendAsEveryone(app, row, callers, tally, failures);
            }
        }
        finally
        {
            foreach (var caller in callers) caller.Dispose();
        }

        output.WriteLine($"{provider}: {rows.Count(r => r.IsPage)} page handlers, {rows.Count(r => !r.IsPage)} API writes, {callers.Count} callers, " +
                         $"{tally.Requests} requests and {tally.Fingerprints} fingerprints in {clock.Elapsed.TotalSeconds:0.0} s " +
                         $"({tally.Fingerprinting.Elapsed.TotalSeconds:0.0} s of it fingerprints).");
        output.WriteLine("Allowed callers' answers: " +
                         string.Join(", ", tally.AllowedAnswers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} × {g.Count()}")));
        output.WriteLine("Allowed, but 404 (an id the empty form leaves out): " +
                         string.Join(", ", tally.AllowedAnswers.Where(a => a.Status == 404).Select(a => a.Label)));
        rows.Count(r => r.IsPage).ShouldBeGreaterThan(50);
        rows.Count(r => !r.IsPage).ShouldBeGreaterThan(50);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// Refused callers first, each judged on a fingerprint taken just before its own request (so a change
    /// is pinned to the request that made it); the allowed ones after, so that what they change is never
    /// blamed on a refused one.
    /// </summary>
    private static async Task SendAsEveryone(NyckelfriApp app, Row row, IReadOnlyList<MatrixCaller> callers, Tally tally, List<string> failures)
    {
        var before = await Fingerprint(app, tally);
        foreach (var caller in callers.Where(c => !IsAllowed(row, c)))
        {
            using (var response = await Send(row, caller)) Judge(row, caller, response, allowed: false, failures);
            tally.Requests++;
            var after = await Fingerprint(app, tally);
            if (after != before) failures.Add($"{row.Key} as {caller.Name}: refused, but the database changed: {Difference(before, after)}");
            before = after;
        }
        foreach (var caller in callers.Where(c => IsAllowed(row, c)))
        {
            using var response = await Send(row, caller);
            tally.Requests++;
            Judge(row, caller, response, allowed: true, failures);
            tally.AllowedAnswers.Add(((int)response.StatusCode, $"{row.Key} as {caller.Name}"));
        }
    }

    private static async Task<string> Fingerprint(NyckelfriApp app, Tally tally)
    {
        tally.Fingerprinting.Start();
        var fingerprint = await app.FingerprintAsync();
        tally.Fingerprinting.Stop();
        tally.Fingerprints++;
        return fingerprint;
    }

    /// <summary>Every API write, then every page handler, each with its allowed roles from the matrix; the logout last.</summary>
    private static async Task<List<Row>> Rows(NyckelfriApp app, WriteTargets targets, List<string> failures)
    {
        var rows = new List<Row>();
        foreach (var endpoint in AppEndpoint.ApiWrites(app.Services))
            if (AuthorizationMatrix.Expected.TryGetValue(endpoint.Key, out var allowed))
                rows.Add(new Row(endpoint.Key, allowed, IsPage: false, endpoint.Method, targets.Fill(endpoint.Path)));
            else failures.Add($"{endpoint.Key}: not in the authorization matrix");
        foreach (var handler in await PageHandler.AllAsync(app.Services))
            if (AuthorizationMatrix.PageHandlers.TryGetValue(handler.Key, out var allowed))
                rows.Add(new Row(handler.Key, allowed, IsPage: true, handler.Method, handler.Url(targets.Fill(handler.Path))));
            else failures.Add($"{handler.Key}: not in the authorization matrix");
        return rows.OrderBy(r => r.Key == ApiLogout || r.Key == Logout).ThenBy(r => r.Key == Logout).ToList();
    }

    private static bool IsAllowed(Row row, MatrixCaller caller) =>
        row.Allowed is null || (!caller.IsAnonymous && row.Allowed.Contains(caller.Name) && (!row.IsPage || caller.Name != Roles.Integration));

    private static Task<HttpResponseMessage> Send(Row row, MatrixCaller caller)
    {
        if (row.IsPage) return caller.PostPageAsync(row.Method, row.Url);
        var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Url);
        if (row.Method != "DELETE") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return caller.Api.SendAsync(request);
    }

    private static void Judge(Row row, MatrixCaller caller, HttpResponseMessage response, bool allowed, List<string> failures)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        var toLogin = location.Contains("/Konto/Logga-in?", StringComparison.Ordinal);
        var toDenied = location.Contains("/Konto/Nekad", StringComparison.Ordinal);
        var label = $"{row.Key} as {caller.Name}";
        var nobody = caller.IsAnonymous || (row.IsPage && caller.Name == Roles.Integration);

        if (status >= 500) failures.Add($"{label}: server error {status}");
        else if (row.Allowed is null)
        {
            // Open to anyone: only a demand to log in would be wrong.
            if (status == 401 || toLogin) failures.Add($"{label}: open handler demanded a login ({status} {location})");
        }
        else if (allowed)
        {
            if (status is 401 or 403 || toLogin || toDenied) failures.Add($"{label}: expected allowed, got {status} {location}");
            // A page answers 400 only when the antiforgery check failed: the handler was never reached.
            else if (row.IsPage && status == 400) failures.Add($"{label}: 400, the antiforgery check refused the form");
        }
        else if (!row.IsPage && status != (nobody ? 401 : 403))
            failures.Add($"{label}: expected {(nobody ? 401 : 403)}, got {status}");
        else if (row.IsPage && (status != 302 || !(nobody ? toLogin : toDenied)))
            failures.Add($"{label}: expected the redirect to {(nobody ? "/Konto/Logga-in" : "/Konto/Nekad")}, got {status} {location}");
    }

    /// <summary>The parts of two fingerprints that differ, before → after.</summary>
    private static string Difference(string before, string after)
    {
        var (was, now) = (before.Split(" | "), after.Split(" | "));
        return string.Join("; ", was.Zip(now).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}"));
    }
}
