#Requires -Version 7.4
# Pester 5, issue 20: Send-FtAdoptionDigest as a user runs it, against the repository's Graph emulator (sendMail)
# and its loopback Teams webhook: the portfolio digest mailed with the report attached, each customer's report to
# its contacts, the card posted to Teams, -WhatIf sending nothing, and the webhook URL in no stream, error or
# transcript. What if: and -Verbose lines are read from a transcript, as an admin reads a job's log.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestHelpers.ps1')
    Import-Module (Get-FtStagedManifest) -Force
    $script:emulator = Start-FtGraphEmulator -TenantId '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a' -Customer Partner -Domain partner.example
    $script:ws = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid())
    $PSDefaultParameterValues['*-Ft*:Workspace'] = $ws
    $script:contoso = '7c1f3a9e-2b4d-4e6f-8a0b-1c2d3e4f5a6b'
    $script:fabrikam = '0b7e3c1d-5a2f-4e8b-8c6d-1f2a3b4c5d6e'
    New-FtCustomerPlan -TenantId $contoso -Customer Contoso -IntendedService Teams -CsmName 'Dana Csm' -CsmEmail dana@contoso.example | Out-Null
    Set-FtCustomerPlan -TenantId $contoso -Service Teams -EnabledOn 2026-09-01 -CommunicatedOn 2026-09-02
    Add-FtBlocker -TenantId $contoso -Service Teams -Description 'Proxy blocks Teams media' -Opened (Get-Date).AddDays(-30)
    New-FtCustomerPlan -TenantId $fabrikam -Customer Fabrikam -IntendedService OneDrive | Out-Null
    Connect-FtTenant -AccessToken $emulator.SecureToken -GraphEndpoint $emulator.Uri
    $script:from = 'adoption@partner.example'

    function Get-Transcript([scriptblock] $Command) {
        $log = Join-Path ([IO.Path]::GetTempPath()) ([guid]::NewGuid().ToString() + '.txt')
        Start-Transcript -Path $log -UseMinimalHeader | Out-Null
        try { & $Command *>&1 | Out-Host } finally { Stop-Transcript | Out-Null }
        $text = (Get-Content -Raw $log) -replace "`r?`n", ' '
        Remove-Item $log
        $text
    }

    function Get-SentMessage($Mail) {
        # The SDK names the action's parameters as Graph's metadata does ("Message"); Graph reads any case.
        ($Mail.Body | ConvertFrom-Json -AsHashtable).GetEnumerator() | Where-Object Key -eq 'Message' | ForEach-Object Value
    }
}

AfterAll {
    Disconnect-FtTenant -All -ErrorAction SilentlyContinue
    Stop-FtGraphEmulator $emulator
    $PSDefaultParameterValues.Remove('*-Ft*:Workspace')
    Remove-Item $ws -Recurse -Force -ErrorAction SilentlyContinue
    Remove-Module FastTrack.PowerShell -ErrorAction SilentlyContinue
}

Describe 'Send-FtAdoptionDigest by mail' {
    It 'mails the portfolio digest to the team with the adoption report attached' {
        $before = (Get-FtEmulatorRecord $emulator mail).Count
        $sent = Send-FtAdoptionDigest -From $from -To team@partner.example
        $sent.Channel | Should -Be 'Mail'
        $sent.Subject | Should -Be 'Adoption digest — 2 customers'
        $sent.Attempts | Should -Be 1
        $mail = (Get-FtEmulatorRecord $emulator mail)[$before]
        $mail.Mailbox | Should -Be $from
        $message = Get-SentMessage $mail
        $message.toRecipients.emailAddress.address | Should -Be 'team@partner.example'
        $message.body.contentType | Should -Be 'html'
        $message.body.content | Should -Match 'Proxy blocks Teams media'
        $message.attachments[0].name | Should -Be $sent.Attachment
        $page = [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($message.attachments[0].contentBytes))
        $page | Should -Match '^<!DOCTYPE html>'
        $page | Should -Match 'Fabrikam'
    }

    It 'sends each customer at risk its own report, to its plan contacts, retrying throttling' {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($emulator.Uri, 'emulator/faults')) -Body 'sendMail|status|429:1|1' | Out-Null
        $sent = Get-FtPortfolio -AtRisk | Send-FtAdoptionDigest -From $from -PerCustomer
        $sent.Recipients | Should -Be 'dana@contoso.example'
        $sent.Subject | Should -Be 'Adoption digest — Contoso'
        $sent.Attempts | Should -Be 2
        $sent.Attachment | Should -Match '^adoption-report-contoso-\d{4}-\d\d-\d\d\.html$'
    }

    It 'says which permission to grant when Graph refuses the mailbox' {
        Invoke-RestMethod -Method Post -Uri ([uri]::new($emulator.Uri, 'emulator/faults')) -Body 'sendMail|status|403|1' | Out-Null
        { Send-FtAdoptionDigest -From $from -To team@partner.example -ErrorAction Stop } |
            Should -Throw -ErrorId 'MailSendForbidden,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand' -ExpectedMessage '*Mail.Send application permission*'
        { Send-FtAdoptionDigest -From someone@elsewhere.example -To team@partner.example -Connection partner.example -ErrorAction Stop } |
            Should -Throw -ErrorId 'MailboxNotFound,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand'
    }
}

Describe 'Send-FtAdoptionDigest to Teams' {
    It 'posts the digest as an Adaptive Card to the webhook' {
        $before = (Get-FtEmulatorRecord $emulator posts).Count
        $sent = Send-FtAdoptionDigest -WebhookUrl (Get-FtEmulatorWebhookUrl $emulator)
        $sent.Channel | Should -Be 'Teams'
        $sent.Recipients | Should -Be 'the Teams webhook at 127.0.0.1'
        $card = ((Get-FtEmulatorRecord $emulator posts)[$before].Body | ConvertFrom-Json)
        $card.type | Should -Be 'message'
        $card.attachments[0].contentType | Should -Be 'application/vnd.microsoft.card.adaptive'
        $card.attachments[0].content.version | Should -Be '1.4'
        $card.attachments[0].content.body.inlines.text | Should -Contain 'Contoso'
    }

    It 'keeps the URL out of the output, -Verbose, errors and the transcript, also when given as a string' {
        $url = [Net.NetworkCredential]::new('', (Get-FtEmulatorWebhookUrl $emulator)).Password
        $signature = ([uri]$url).Query
        Invoke-RestMethod -Method Post -Uri ([uri]::new($emulator.Uri, 'emulator/faults')) -Body 'workflows|status|503|1' | Out-Null
        Invoke-RestMethod -Method Post -Uri ([uri]::new($emulator.Uri, 'emulator/faults')) -Body 'workflows|status|404|1' | Out-Null
        $text = Get-Transcript {
            Send-FtAdoptionDigest -WebhookUrl $url -Verbose -ErrorVariable failed -ErrorAction SilentlyContinue
            $failed | Format-List * -Force
            $failed.Exception | Format-List * -Force
            Send-FtAdoptionDigest -WebhookUrl $url -Verbose | Format-List *
        }
        $text | Should -Match 'WebhookNotFound'
        $text | Should -Match 'retry 1 of 3'
        $text | Should -Match 'Channel\s+: Teams'
        $text | Should -Not -Match ([regex]::Escape($signature.TrimStart('?')))
        $text | Should -Not -Match 'sig='
        Get-ChildItem $ws -Recurse -File | Select-String -Pattern 'sig=' -SimpleMatch | Should -BeNullOrEmpty
    }
}

Describe 'Send-FtAdoptionDigest with nothing to send' {
    It 'sends nothing, and says nothing is wrong, when no customer comes down the pipeline' {
        $mails = (Get-FtEmulatorRecord $emulator mail).Count
        Get-FtPortfolio | Where-Object RiskScore -gt 1000 | Send-FtAdoptionDigest -From $from -To team@partner.example -ErrorVariable failed | Should -BeNullOrEmpty
        $failed | Should -BeNullOrEmpty
        (Get-FtEmulatorRecord $emulator mail).Count | Should -Be $mails
    }

    It 'is an error when the workspace has no plan of the tenant named' {
        try { Send-FtAdoptionDigest -TenantId ([guid]::NewGuid()) -From $from -To team@partner.example -ErrorVariable failed -ErrorAction SilentlyContinue } catch { $stopped = $_ }
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'PlanNotFound,*'
        $stopped.FullyQualifiedErrorId | Should -Be 'NoPlanToSend,FastTrack.PowerShell.Delivery.SendFtAdoptionDigestCommand'
    }
}

Describe 'Send-FtAdoptionDigest -WhatIf' {
    It 'sends nothing and says what would go to whom' {
        $mails = (Get-FtEmulatorRecord $emulator mail).Count
        $posts = (Get-FtEmulatorRecord $emulator posts).Count
        $text = Get-Transcript {
            Send-FtAdoptionDigest -From $from -To team@partner.example, lead@partner.example -WhatIf
            Send-FtAdoptionDigest -TenantId $contoso -From $from -WhatIf
            Send-FtAdoptionDigest -WebhookUrl (Get-FtEmulatorWebhookUrl $emulator) -WhatIf
        }
        $text | Should -Match "What if: Performing the operation `"Send 'Adoption digest — 2 customers' from adoption@partner.example with adoption-portfolio-\S+\.html \(\d+ KB\) through Partner"
        $text | Should -Match 'on target "team@partner.example, lead@partner.example"'
        $text | Should -Match 'on target "dana@contoso.example"'
        $text | Should -Match "Post the card 'Adoption digest — 2 customers' \(\d+ risks, \d+ AU moves, \d+ actions due; \d+ KB\)`" on target `"the Teams webhook at 127.0.0.1`""
        (Get-FtEmulatorRecord $emulator mail).Count | Should -Be $mails
        (Get-FtEmulatorRecord $emulator posts).Count | Should -Be $posts
    }
}
