using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nyckelfri.IntegrationTests.Web;

/// <summary>
/// The security events an app wrote to its log (event id 9000, docs/security.md), with their structured
/// values, so that a test can check that what it did was recorded, whatever else stores the events.
/// </summary>
public sealed class SecurityLog : ILoggerProvider
{
    public sealed record Entry(string Kind, string? UserId, string? Subject, string? Detail);

    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    /// <summary>The events of one kind about (or by) one user.</summary>
    public IReadOnlyList<Entry> Of(string kind, string userId) =>
        Entries.Where(e => e.Kind == kind && (e.UserId == userId || e.Subject == userId)).ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose() { }

    private sealed class Logger(SecurityLog log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != 9000 || state is not IReadOnlyList<KeyValuePair<string, object?>> values) return;
            string? Value(string name) => values.FirstOrDefault(v => v.Key == name).Value?.ToString();
            log._entries.Enqueue(new Entry(Value("Kind") ?? "", Value("UserId"), Value("Subject"), Value("Detail")));
        }
    }
}
