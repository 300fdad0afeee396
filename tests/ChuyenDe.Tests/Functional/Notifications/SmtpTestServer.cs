using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace ChuyenDe.Tests.Functional.Notifications;

/// <summary>One message as the SMTP server received it.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, string Data)
{
    /// <summary>The header block, folded lines joined.</summary>
    public IReadOnlyDictionary<string, string> Headers
    {
        get
        {
            var end = Data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var block = (end < 0 ? Data : Data[..end]).Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var line in block.Split("\r\n"))
            {
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    headers.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
                }
            }

            return headers;
        }
    }

    /// <summary>The Subject header with its RFC 2047 encoded words decoded.</summary>
    public string Subject => EncodedWords.Decode(Headers.GetValueOrDefault("Subject") ?? "");
}

/// <summary>
/// A tiny SMTP server on 127.0.0.1 for the tests: speaks just enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA with dot
/// unstuffing, RSET, NOOP, QUIT) to accept what a real client sends, and keeps every message.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly List<Task> _sessions = [];
    private readonly Task _accepting;
    private readonly bool _offerAuth;
    private readonly ConcurrentQueue<string> _commands = new();

    /// <param name="offerAuth">Whether the server offers AUTH PLAIN/LOGIN (accepting any credentials); it never offers STARTTLS.</param>
    public SmtpTestServer(bool offerAuth = false)
    {
        _offerAuth = offerAuth;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => _received.ToList();

    public int Connections { get; private set; }

    /// <summary>Every command line received outside DATA, in order (AUTH lines included, as sent).</summary>
    public IReadOnlyList<string> Commands => _commands.ToList();

    /// <summary>Waits until a message matching <paramref name="match"/> has arrived.</summary>
    public async Task<ReceivedMail> WaitForAsync(Func<ReceivedMail, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (_received.FirstOrDefault(match) is { } mail)
            {
                return mail;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("No matching e-mail arrived. Received: " + string.Join(" | ", _received.Select(m => string.Join(",", m.Recipients) + ": " + m.Subject)));
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            Connections++;
            lock (_sessions)
            {
                _sessions.Add(Task.Run(() => ServeAsync(client)));
            }
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps bytes to chars one to one: the message is checked byte for byte (8-bit data would show up).
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost ESMTP ChuyenDe test server");
            string? from = null;
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
                _commands.Enqueue(line);
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost greets you");
                        if (_offerAuth)
                        {
                            await writer.WriteLineAsync("250-AUTH PLAIN LOGIN");
                        }

                        await writer.WriteLineAsync("250 HELP");
                        break;
                    case "AUTH" when _offerAuth:
                        await writer.WriteLineAsync("235 2.7.0 Authentication successful");
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        recipients.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        if (from is null || recipients.Count == 0)
                        {
                            await writer.WriteLineAsync("503 Bad sequence of commands");
                            break;
                        }

                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                        }

                        _received.Enqueue(new ReceivedMail(from, recipients.ToList(), data.ToString()));
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        recipients.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (IOException)
        {
        }
    }

    private static string Address(string line)
    {
        var start = line.IndexOf('<');
        var end = line.IndexOf('>', start + 1);
        return start >= 0 && end > start ? line[(start + 1)..end] : line[(line.IndexOf(':') + 1)..].Trim();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        Task[] sessions;
        lock (_sessions)
        {
            sessions = [.. _sessions];
        }

        await Task.WhenAll(sessions);
        _stop.Dispose();
    }
}

/// <summary>Decodes RFC 2047 encoded words (<c>=?utf-8?B?...?=</c> and <c>=?utf-8?Q?...?=</c>) as a mail reader would.</summary>
public static partial class EncodedWords
{
    public static string Decode(string header)
    {
        // Whitespace between two adjacent encoded words is not part of the text (RFC 2047 §6.2).
        var joined = BetweenWords().Replace(header, "?==?");
        return Word().Replace(joined, m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var text = m.Groups[3].Value;
            byte[] bytes;
            if (m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase))
            {
                bytes = Convert.FromBase64String(text);
            }
            else
            {
                var buffer = new List<byte>();
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '_')
                    {
                        buffer.Add(0x20);
                    }
                    else if (text[i] == '=' && i + 2 < text.Length)
                    {
                        buffer.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else
                    {
                        buffer.Add((byte)text[i]);
                    }
                }

                bytes = [.. buffer];
            }

            return charset.GetString(bytes);
        });
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex Word();
}
