using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Nyckelfri.Web.Api;

/// <summary>
/// A CSV file written to the response line by line as the database yields it (UTF-8 with a byte-order mark,
/// as Swedish Excel reads it): an export holds one row in memory at a time, however many it carries. For
/// endpoints (<see cref="IResult"/>) and pages (<see cref="IActionResult"/>) alike.
/// </summary>
public sealed class CsvDownload(IAsyncEnumerable<string> lines, string fileName) : IResult, IActionResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName, FileName = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 16 * 1024);
        var count = 0;
        await foreach (var line in lines.WithCancellation(context.RequestAborted))
        {
            await writer.WriteAsync(line);
            if (++count % 500 == 0) await writer.FlushAsync(context.RequestAborted);
        }
        await writer.FlushAsync(context.RequestAborted);
    }

    Task IActionResult.ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
