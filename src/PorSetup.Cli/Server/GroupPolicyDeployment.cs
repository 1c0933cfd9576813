// Copyright (c) PorSetup contributors. MIT licensed.

namespace PorSetup.Cli.Server;

/// <summary>
/// A Group Policy software installation that manages a product on this computer: one LOCALMANAGEDAPPLICATION of
/// GetLocalManagedApplications(FALSE) (appmgmt.h).
/// </summary>
/// <param name="PolicyName">"The user-friendly name of the group policy object (GPO) from which the application originates."</param>
/// <param name="DeploymentName">The package's name "as it appears in the Application Deployment Editor".</param>
/// <param name="Assigned">LOCALSTATE_ASSIGNED: "installed in the assigned state" (otherwise published).</param>
/// <param name="UninstalledWithPolicy">LOCALSTATE_POLICYREMOVE_UNINSTALL: removed from the computer when the policy goes.</param>
public sealed record GroupPolicyDeployment(string PolicyName, string DeploymentName, bool Assigned, bool UninstalledWithPolicy);
