using System.Security.Cryptography;
using System.Text;

namespace ServerlessEvents.Storage;

/// <summary>HMAC-SHA256 over a string-to-sign with a base64 account key. The key never leaves this type.</summary>
internal sealed class SharedKeySignature
{
    private byte[] _key;

    public SharedKeySignature(string accountKey) => _key = Decode(accountKey);

    public void SetKey(string accountKey) => Volatile.Write(ref _key, Decode(accountKey));

    public string Sign(string stringToSign)
    {
        var bytes = Encoding.UTF8.GetBytes(stringToSign);
        return Convert.ToBase64String(HMACSHA256.HashData(Volatile.Read(ref _key), bytes));
    }

    private static byte[] Decode(string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountKey);
        try
        {
            return Convert.FromBase64String(accountKey);
        }
        catch (FormatException)
        {
            // Never echo the key itself.
            throw new ArgumentException("The storage account key is not valid base64.", nameof(accountKey));
        }
    }
}
