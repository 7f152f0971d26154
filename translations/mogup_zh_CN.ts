<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MogUp</name>
    <message>
        <source>gs_ctl query output not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is still running as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database runs as %1, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, db_state %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running as %1, db_state Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still %1, not yet Primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Primary, db_state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now Primary, db_state Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs as %1, not as a standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not connected to a primary yet (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiver state %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>catching up: %1%, replayed %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>streaming from the primary, caught up at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the primary is not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected a Normal primary, found %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 standbys streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary Normal, %1 standbys streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>internal error: check %1 cannot read gs_ctl output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_om status output not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_om lists %1 of %2 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>still running: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every node is down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_om lists %1 nodes, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 primaries (cluster_state %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster_state %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster_state Normal, one primary, %1 standbys Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>systemctl printed nothing (exit code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MogHA is still %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MogHA is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MogHA is active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>present: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not all of these exist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the database does not answer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version not understood: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the running server is %1 %2 (build %3), expected %4; it was started from the old binaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the binary is %1 %2 (build %3), expected %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (build %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 is not in the profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while checking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, and stayed so for %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 again %2 s after it had stopped: something restarted it (is MogHA or another watchdog still running on %3?)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (still so after %2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: running as %2 (%3), MogDB %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not running (%2), installed binaries MogDB %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; bin/ now holds %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; old bin/lib kept as backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gaussdb -V failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_ctl query: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot create the run directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already holds a run; choose an empty directory so no record is overwritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>could not start the command on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no result after %1 s; the command was ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended by signal %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>role %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>paths %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stays so for %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MogUp upgrade plan for profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MogDB %1 -&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>generated by MogUp; every command below is exactly what MogUp runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each command runs in a subshell; the script stops at the first one that fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands marked &quot;ON ANOTHER HOST&quot; belong to the named node: run them there, not on this machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs as root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runs as the database user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (node %2, %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ON ANOTHER HOST: node %1, host %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the undo runs on node %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package.file: &quot;%1&quot; is not a MogDB package name MogUp understands. Expected MogDB-&lt;version&gt;-&lt;os&gt;-&lt;x86_64|aarch64&gt;.tar.gz, for example MogDB-2.0.3-CentOS-x86_64.tar.gz. Fix: point package.file at the release tarball as downloaded, without renaming it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from version: &quot;%1&quot; is not a version like 2.0.1. Fix: give the version the cluster runs now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>package.file: the package is MogDB %1, the version the cluster runs already. Fix: point package.file at the patch release (MogDB 2.0.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes: the profile has no nodes. Fix: add the primary and its standbys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes[%1].%2 (node %3): empty. Fix: set it in the profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unpack_dir (node %1): empty. Fix: set unpack_dir for the cluster or nodes[%2].unpack_dir, for example /opt/mogdb203.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>primary node: &quot;%1&quot; is not a node of this profile (nodes: %2). Fix: name one of the profile&apos;s nodes as the primary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes[].role: no node has role &quot;primary&quot;. Fix: set &quot;role&quot;: &quot;primary&quot; on the node that is primary now (gs_ctl query shows local_role Primary).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes[].role: more than one node has role &quot;primary&quot; (%1). Fix: keep &quot;primary&quot; only on the node that is primary now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nodes: a rolling upgrade needs at least one standby besides the primary %1 (a cascade standby cannot take over). Fix: add the standby nodes to the profile, or choose the offline upgrade.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unpack %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop MogHA on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start MogHA on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the whole cluster with gs_om (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the whole cluster with gs_om (from %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop the database on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the database on %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace bin on %1 (the old one is kept as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the old bin back on %1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace lib on %1 (the old one is kept as %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the old lib back on %1 (from %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the gs_om configuration files into the new bin on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the copied gs_om configuration files on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wait until %1 has caught up with the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch back: %1 becomes primary again, %2 standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch over: %1 becomes primary, %2 standby</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch over so that %1 is primary again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the new roles with gs_om refreshconf (on %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check that %1 runs MogDB %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the cluster state: %1 primary, all %2 nodes normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove it; the known keys here are: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did you mean &quot;%1&quot;? Rename or remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (a misspelt key would otherwise be ignored).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;%1&quot; (a text value).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write it in double quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fill in &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a relative path; it would depend on the directory a command runs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the full path, starting with /.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;%1&quot; (a port number, 1-65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write the port without quotes, e.g. 26000.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is out of range (1-65535).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use a valid TCP port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;%1&quot;: true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write true or false without quotes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use one of: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use the operating system user that owns the database, e.g. omm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only applies to transport &quot;local&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remove &quot;sandbox&quot; or set transport to &quot;local&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a whole number of seconds from 0 to 600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 10 (longer than MogHA&apos;s heartbeat interval).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add &quot;package&quot;: {&quot;file&quot;: &quot;/path/MogDB-2.0.3-CentOS-x86_64.tar.gz&quot;, &quot;on_nodes&quot;: false}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write {&quot;file&quot;: &quot;...&quot;, &quot;on_nodes&quot;: false}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>must be a non-empty list of nodes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>list every node of the cluster, the primary and each standby.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write each node as {&quot;name&quot;: ..., ...}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains characters a node name cannot have.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write a host name or an IP address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>is needed when auth is &quot;key&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the full path of the private key (ed25519 or ECDSA).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no unpack directory for this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set the top-level &quot;unpack_dir&quot; (e.g. /opt/mogdb203) or one for this node.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is used by node #%2 too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give every node its own name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is also the database address of node %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>two nodes cannot share a host and database port; check host and db_port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>node %1 on the same host uses the same data directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>each database instance has its own PGDATA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add the MogDB app directory that holds bin/ and lib/, e.g. /opt/mogdb/app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add the data directory, e.g. /opt/mogdb/data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node can be primary: the list is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes have role &quot;primary&quot;; a cluster has one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set &quot;role&quot;: &quot;primary&quot; on the node that leads now and &quot;standby&quot; on the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node can be primary (every node is a cascade standby).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mark the node that leads now with &quot;role&quot;: &quot;primary&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the cluster a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>give the full path of MogDB-2.0.3-&lt;OS&gt;-&lt;arch&gt;.tar.gz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the profile %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check the path and the file&apos;s permissions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the top level is not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fix the JSON syntax (a profile is one {...} object).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled before step %1 (%2 on %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled while the command ran</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command exited with code %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled during step %1 &quot;%2&quot; on %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the command failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 &quot;%2&quot; on %3: %4: %5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected repeated gs_ctl query line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server-not-running message after query results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected gs_ctl message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>server reported not running, yet printed results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section printed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section out of order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>section has neither rows nor &quot;No information&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field outside of any section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unrecognised line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown HA state field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &quot;%1&quot; printed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field after &quot;No information&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown sender field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown receiver field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>row does not start with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sender row ends here without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>receiver row ends here without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HA state ends here without %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad static_connections &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty detail_information</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad pid &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad %1 &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sync_percent &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad sync_priority &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad channel &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;No information&quot; outside of a senders/receiver section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;No information&quot; in a section that has rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_ctl query printed nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ends before the HA state section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ends before the %1 section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected section header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datanode section without cluster section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datanode section before cluster_state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected rule line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown cluster_state &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown redistributing &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad current_az &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty cluster_name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown datanode column header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>datanode entry &quot;%1&quot; has too few columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad node id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad node_ip &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad port &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad instance id &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bad data directory &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown instance role letter &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty datanode entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>instance %1 listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the dashed rule under the column header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gs_om status printed nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ends without cluster_state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ends before the datanode rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster section lacks redistributing or current_az</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version string &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not a MogDB/openGauss version string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unexpected version number after &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unbalanced parentheses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing &quot;on &lt;platform&gt;, compiled by ...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 columns, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gsql printed nothing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected the ---+--- rule under the header</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output ends before the row count footer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty column name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>footer announces %1 rows, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport &quot;ssh&quot; is not available in this build yet; use transport &quot;local&quot; (the sandbox) for now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: mogup-cli COMMAND [OPTIONS]

Commands:
  demo init DIR [--nodes N] [--install om|manual] [--no-mogha] [--speed X]
                      build a sandbox MogDB 2.0.1 cluster in DIR and write DIR/profile.json
  demo stop DIR       end every process of that sandbox
  plan --profile P --mode offline|rolling [--no-switch-back] [--json]
                      print the exact plan without changing anything
  upgrade --profile P --mode offline|rolling [--yes] [--run-dir D] [--no-switch-back]
                      show the plan, ask, run it with a live log, verify
  status --profile P [--json]
                      each node&apos;s role, state, version, running

Exit codes: 0 success, 1 the operation failed, 2 bad usage or profile.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli: unknown command &quot;%1&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli: --profile is required (the cluster profile, a JSON file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>mogup-cli: the profile %1 has %n problem(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>mogup-cli: --mode must be &quot;offline&quot; or &quot;rolling&quot; (got &quot;%1&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Plan: %1 upgrade of cluster &quot;%2&quot; from MogDB %3 to %4, %n step(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>check (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no node runs as primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nodes run as primary (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build or stop a sandbox MogDB cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>init or stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sandbox directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>number of nodes (default 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>om or manual (default om)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do not run the MogHA stand-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>time-speed factor for the walsender leak (default 60)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo: expected &quot;demo init DIR&quot; or &quot;demo stop DIR&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo stop: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox %1 stopped; no process of it is left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo init: --nodes must be a number from 2 to 9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo init: --install must be &quot;om&quot; or &quot;manual&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo init: --speed must be a positive number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli demo init: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sandbox cluster ready in %1 (%2 nodes, %3 install, MogHA %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>absent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next: mogup-cli upgrade --profile %1 --mode rolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cluster profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>offline or rolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rolling: leave the upgraded standby as primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print the plan as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli plan: no node has &quot;role&quot;: &quot;primary&quot; in the profile, and the live cluster cannot tell: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where to keep the record of this run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the cluster...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli upgrade: the cluster is not healthy: %1. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli upgrade: the profile says %1 is primary, but %2 runs as primary now. Update the profile&apos;s &quot;role&quot; fields (or run gs_om -t refreshconf after the last switchover). Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs MogDB %2, not %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every node already runs MogDB %1; nothing to do.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already run(s) %2 (a half-finished upgrade; resume is not supported yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli upgrade: the cluster is not ready: %1. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mogup-cli upgrade: not asking on a non-interactive input; add --yes to run the plan above. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run this plan now? Type &quot;yes&quot; to go on: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record of this run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok in %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED after %1 s: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: stopping the current command...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cluster now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPGRADE CANCELLED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPGRADE FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed step: %1 on node %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State of each node:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The way back (undo of the completed steps, most recent first; review before running):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or fix the cause and finish the remaining steps by hand; the full record is in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 runs %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 primaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPGRADE NOT VERIFIED: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UPGRADE COMPLETE: every node runs MogDB %1; one primary, %2 standbys Normal. Record: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
