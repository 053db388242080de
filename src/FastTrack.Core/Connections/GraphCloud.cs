using System;

namespace FastTrack.Core.Connections;

/// <summary>The Microsoft cloud a tenant lives in: each has its own Graph and sign-in endpoints.</summary>
public enum GraphCloud
{
    Global,
    USGov,
    USGovDoD,
    China,
}

/// <summary>The endpoints of each national cloud (Microsoft Graph "national cloud deployments").</summary>
public static class GraphClouds
{
    public static Uri GraphEndpoint(GraphCloud cloud) => new(cloud switch
    {
        GraphCloud.USGov => "https://graph.microsoft.us/",
        GraphCloud.USGovDoD => "https://dod-graph.microsoft.us/",
        GraphCloud.China => "https://microsoftgraph.chinacloudapi.cn/",
        _ => "https://graph.microsoft.com/",
    });

    public static Uri Authority(GraphCloud cloud) => new(cloud switch
    {
        GraphCloud.USGov or GraphCloud.USGovDoD => "https://login.microsoftonline.us/",
        GraphCloud.China => "https://login.chinacloudapi.cn/",
        _ => "https://login.microsoftonline.com/",
    });
}
