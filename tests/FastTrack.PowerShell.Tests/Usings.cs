global using Xunit;
global using FastTrack.PowerShell.Tests.Hosting;
