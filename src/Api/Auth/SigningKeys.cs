using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Cmdb.Api.Auth;

/// <summary>The symmetric key tokens are signed with: the configured one, or for dev sign-in one generated and kept under ./data.</summary>
internal static class SigningKeys
{
    private const int MinimumBytes = 32;

    public static SymmetricSecurityKey? Resolve(AuthOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
            return new SymmetricSecurityKey(Parse(options.SigningKey));
        return options.DevSignIn ? new SymmetricSecurityKey(LoadOrCreate(options.DevKeyFile)) : null;
    }

    private static byte[] Parse(string text)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            bytes = Encoding.UTF8.GetBytes(text);
        }
        if (bytes.Length < MinimumBytes)
            throw new InvalidOperationException($"Auth:SigningKey is too short: HS256 needs at least {MinimumBytes} bytes (base64) or characters.");
        return bytes;
    }

    /// <summary>A random key per installation, so dev tokens survive a restart but are worthless elsewhere.</summary>
    private static byte[] LoadOrCreate(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            var existing = Convert.FromBase64String(File.ReadAllText(full).Trim());
            if (existing.Length >= MinimumBytes)
                return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var key = RandomNumberGenerator.GetBytes(64);
        File.WriteAllText(full, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
