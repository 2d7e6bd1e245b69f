namespace Nyckelfri.Common;

public static class ValidatorExtensions
{
    /// <summary>
    /// Runs a domain method that checks its own rules, and adds its field errors to the form's other
    /// errors so that the user sees them all at once. The domain method checks before it changes,
    /// so a refused call leaves the record as it was.
    /// </summary>
    public static void Try(this Validator v, Action change)
    {
        try
        {
            change();
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Errors)
                foreach (var message in messages)
                    v.Add(field, message);
        }
    }
}
