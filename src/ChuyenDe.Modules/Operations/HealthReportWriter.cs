using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChuyenDe.Modules.Operations;

/// <summary>
/// Writes a health report in the format health-check tools read (the one of the HealthChecks UI client):
/// <c>{"status":"Healthy","totalDuration":"00:00:00.0123456","entries":{"database":{"data":{…},"description":"…",
/// "duration":"…","status":"Healthy","tags":["ready"]}}}</c>; an entry that failed by an exception carries its
/// message in <c>exception</c> (no stack trace).
/// </summary>
public static class HealthReportWriter
{
    public const string ContentType = "application/json; charset=utf-8";

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        // Written to memory first (a report is a few hundred bytes): the serializer writes synchronously.
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        await using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, report);
        }

        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    public static void Write(Utf8JsonWriter json, HealthReport report)
    {
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("totalDuration", report.TotalDuration.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartObject("entries");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                json.WritePropertyName(key);
                JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
            }

            json.WriteEndObject();
            if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteString("duration", entry.Duration.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
            if (entry.Exception is { } exception)
            {
                json.WriteString("exception", exception.Message);
            }

            json.WriteString("status", entry.Status.ToString());
            json.WriteStartArray("tags");
            foreach (var tag in entry.Tags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
