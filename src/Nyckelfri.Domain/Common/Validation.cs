namespace Nyckelfri.Common;

/// <summary>Collects Swedish field errors for one request and throws them together.</summary>
public sealed class Validator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public Validator Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
        return this;
    }

    public string? Required(string field, string? value, string label, int maxLength = 200)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed)) { Add(field, $"{label} måste anges."); return null; }
        return MaxLength(field, trimmed, label, maxLength);
    }

    public string? Optional(string field, string? value, string label, int maxLength = 200)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : MaxLength(field, trimmed, label, maxLength);
    }

    public string? Phone(string field, string? value, string label = "Telefon")
    {
        var phone = Optional(field, value, label, 30);
        if (phone is not null && !phone.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')'))
            Add(field, $"{label} får bara innehålla siffror, mellanslag, + och -.");
        return phone;
    }

    public string? Email(string field, string? value, string label = "E-post")
    {
        var email = Optional(field, value, label, 254);
        if (email is not null && (email.IndexOf('@') is < 1 || email.EndsWith('@') || email.Contains(' ')))
            Add(field, $"{label} är inte en giltig e-postadress.");
        return email;
    }

    public T? Enum<T>(string field, T? value, string label) where T : struct, System.Enum
    {
        if (value is null) { Add(field, $"{label} måste anges."); return null; }
        if (!System.Enum.IsDefined(value.Value)) { Add(field, $"{label} har ett okänt värde."); return null; }
        return value;
    }

    private string? MaxLength(string field, string value, string label, int maxLength)
    {
        if (value.Length > maxLength) { Add(field, $"{label} får vara högst {maxLength} tecken."); return null; }
        // Control characters and markup have no place in a name, an address or a note.
        if (value.Any(c => char.IsControl(c) || c is '<' or '>'))
        {
            Add(field, $"{label} innehåller otillåtna tecken (till exempel < eller >).");
            return null;
        }
        return value;
    }

    public void ThrowIfInvalid()
    {
        if (!IsValid)
            throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }
}
