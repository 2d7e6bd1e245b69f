using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nyckelfri.Data;

namespace Nyckelfri.Web.Hosting;

/// <summary>
/// Encrypts key-ring entries that were written in clear, before a key-encryption certificate was
/// configured (an existing deployment upgraded): Data Protection encrypts only the keys it makes, so
/// without this the old keys, and everything protected with them, stay readable in a copy of the
/// database. The element marked <c>requiresEncryption</c> (the key's master key) is replaced by an
/// <c>encryptedSecret</c>, exactly as Data Protection stores a key it encrypts itself; the key keeps its
/// id and dates, so what it protected still decrypts.
/// </summary>
public static class KeyRingEncryption
{
    private const string DataProtectionNamespace = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", DataProtectionNamespace);
    private static readonly XName EncryptedSecret = XName.Get("encryptedSecret", DataProtectionNamespace);

    public static async Task<int> EncryptClearEntriesAsync(NyckelfriDbContext db, IOptions<KeyManagementOptions> options, CancellationToken ct)
    {
        var encryptor = options.Value.XmlEncryptor
                        ?? throw new InvalidOperationException("No key-encryption certificate is configured for the key ring (docs/key-custody.md).");
        var count = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(ct))
        {
            var key = XElement.Parse(row.Xml);
            var clear = key.DescendantsAndSelf().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList();
            if (clear.Count == 0) continue;
            foreach (var element in clear)
            {
                var info = encryptor.Encrypt(new XElement(element));
                element.ReplaceWith(new XElement(EncryptedSecret,
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement));
            }
            row.Xml = key.ToString(SaveOptions.DisableFormatting);
            count++;
        }
        await db.SaveChangesAsync(ct);
        return count;
    }
}
