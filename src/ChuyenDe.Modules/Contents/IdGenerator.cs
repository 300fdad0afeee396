using System.Security.Cryptography;

namespace ChuyenDe.Modules.Contents;

/// <summary>26-character lower-case identifiers, like Orchard Core's content item ids.</summary>
public static class IdGenerator
{
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";

    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[17];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        // 26 base-32 digits carry 130 bits; the first digit starts with "4" like Orchard Core's ids.
        var bitBuffer = 0;
        var bitCount = 0;
        var index = 0;
        chars[index++] = '4';
        foreach (var b in bytes)
        {
            bitBuffer = (bitBuffer << 8) | b;
            bitCount += 8;
            while (bitCount >= 5 && index < chars.Length)
            {
                bitCount -= 5;
                chars[index++] = Alphabet[(bitBuffer >> bitCount) & 31];
            }
        }

        return new string(chars);
    }
}
