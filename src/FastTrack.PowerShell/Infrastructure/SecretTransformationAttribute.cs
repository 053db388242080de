using System;
using System.Management.Automation;
using System.Security;

namespace FastTrack.PowerShell.Infrastructure;

/// <summary>Lets a SecureString parameter take a plain string too (a URL pasted from Teams, an environment
/// variable), turning it into a read-only SecureString at once. Anything else is refused with a message that
/// quotes none of it: the engine puts this message into the binding error.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class SecretTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        switch (value)
        {
            case null:
            case SecureString:
                return value;
            case string or Uri:
                var secure = new SecureString();
                foreach (var c in value.ToString()!) secure.AppendChar(c);
                secure.MakeReadOnly();
                return secure;
            default:
                throw new ArgumentTransformationMetadataException($"Give it as a string or a SecureString, not a {value.GetType().Name}.");
        }
    }
}
