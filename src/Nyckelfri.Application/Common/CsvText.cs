using System.Text;

namespace Nyckelfri.Common;

/// <summary>CSV as Swedish Excel reads it: semicolon-separated lines ending in CRLF, UTF-8 with a byte-order mark.</summary>
public static class CsvText
{
    /// <summary>Appends one line of cells, each quoted when needed and defused when it could be read as a formula.</summary>
    public static StringBuilder AppendLine(StringBuilder csv, IEnumerable<string?> cells) =>
        csv.AppendJoin(';', cells.Select(c => Cell(c ?? ""))).Append("\r\n");

    /// <summary>One line of cells, ending in CRLF (for a file written line by line).</summary>
    public static string Line(IEnumerable<string?> cells) => string.Join(';', cells.Select(c => Cell(c ?? ""))) + "\r\n";

    /// <summary>Quotes a cell when needed, and defuses a leading formula character (CSV injection).</summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0])) value = "'" + value;
        return value.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>The file's bytes: with a byte-order mark Excel reads the file as UTF-8 (å, ä, ö).</summary>
    public static byte[] Utf8WithBom(string csv) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
}
