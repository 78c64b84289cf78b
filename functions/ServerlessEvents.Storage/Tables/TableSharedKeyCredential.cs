namespace ServerlessEvents.Storage.Tables;

/// <summary>Account name + key for Shared Key authorization of table requests (mirrors Azure.Data.Tables).</summary>
public class TableSharedKeyCredential
{
    private readonly SharedKeySignature _signature;

    public TableSharedKeyCredential(string accountName, string accountKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(accountName);
        AccountName = accountName;
        _signature = new SharedKeySignature(accountKey);
    }

    public string AccountName { get; }

    /// <summary>Rotates the key; later requests are signed with it.</summary>
    public void SetAccountKey(string accountKey) => _signature.SetKey(accountKey);

    internal string Sign(string stringToSign) => _signature.Sign(stringToSign);

    /// <inheritdoc />
    public override string ToString() => $"TableSharedKeyCredential({AccountName})";
}
