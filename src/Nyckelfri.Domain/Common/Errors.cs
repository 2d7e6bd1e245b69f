namespace Nyckelfri.Common;

/// <summary>
/// The business errors of Nyckelfri. The web host maps each kind to one response in one place:
/// a form error in the UI, an RFC 9457 ProblemDetails in the API.
/// </summary>
public abstract class NyckelfriException(string message) : Exception(message);

/// <summary>Input that breaks a rule: field name → Swedish messages. 400 in the API.</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : NyckelfriException("Uppgifterna innehåller fel.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static ValidationFailedException For(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The record does not exist, or the caller may not see it (never tell which). 404.</summary>
public sealed class NotFoundException(string what) : NyckelfriException($"{what} finns inte.");

/// <summary>An action the record's state does not allow (an illegal transition). 409.</summary>
public sealed class RuleViolationException(string code, string message) : NyckelfriException(message)
{
    public string Code { get; } = code;
}

/// <summary>Someone else saved the record after the caller read it. 409.</summary>
public sealed class ConcurrencyConflictException()
    : NyckelfriException("Någon annan har ändrat uppgifterna sedan du öppnade dem. Ladda om sidan och gör ändringen igen.");
