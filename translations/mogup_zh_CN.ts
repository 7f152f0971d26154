<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MogUp</name>
    <message>
        <source>gs_ctl query output not understood: %1</source>
        <translation>无法解析 gs_ctl query 的输出：%1</translation>
    </message>
    <message>
        <source>the database is still running as %1</source>
        <translation>数据库仍在以 %1 身份运行</translation>
    </message>
    <message>
        <source>the database is stopped</source>
        <translation>数据库已停止</translation>
    </message>
    <message>
        <source>the database is not running</source>
        <translation>数据库未运行</translation>
    </message>
    <message>
        <source>the database runs as %1, expected %2</source>
        <translation>数据库以 %1 身份运行，预期为 %2</translation>
    </message>
    <message>
        <source>%1, db_state %2 (%3)</source>
        <translation>%1，db_state %2（%3）</translation>
    </message>
    <message>
        <source>running as %1, db_state Normal</source>
        <translation>以 %1 身份运行，db_state Normal</translation>
    </message>
    <message>
        <source>still %1, not yet Primary</source>
        <translation>仍为 %1，尚未成为 Primary</translation>
    </message>
    <message>
        <source>Primary, db_state %1</source>
        <translation>Primary，db_state %1</translation>
    </message>
    <message>
        <source>now Primary, db_state Normal</source>
        <translation>已成为 Primary，db_state Normal</translation>
    </message>
    <message>
        <source>runs as %1, not as a standby</source>
        <translation>以 %1 身份运行，不是备库</translation>
    </message>
    <message>
        <source>not connected to a primary yet (%1)</source>
        <translation>尚未连接到主库（%1）</translation>
    </message>
    <message>
        <source>receiver state %1</source>
        <translation>接收端状态 %1</translation>
    </message>
    <message>
        <source>catching up: %1%, replayed %2 of %3</source>
        <translation>正在追赶主库：%1%，已回放到 %2，主库已发送到 %3</translation>
    </message>
    <message>
        <source>the primary is not running</source>
        <translation>主库未运行</translation>
    </message>
    <message>
        <source>expected a Normal primary, found %1 / %2</source>
        <translation>预期主库状态为 Normal，实际为 %1 / %2</translation>
    </message>
    <message>
        <source>%1 of %2 standbys streaming</source>
        <translation>%2 个备库中有 %1 个正在流复制</translation>
    </message>
    <message>
        <source>primary Normal, %1 standbys streaming</source>
        <translation>主库 Normal，%1 个备库正在流复制</translation>
    </message>
    <message>
        <source>internal error: check %1 cannot read gs_ctl output</source>
        <translation>内部错误：检查 %1 无法读取 gs_ctl 的输出</translation>
    </message>
    <message>
        <source>gs_om status output not understood: %1</source>
        <translation>无法解析 gs_om status 的输出：%1</translation>
    </message>
    <message>
        <source>gs_om lists %1 of %2 nodes</source>
        <translation>gs_om 只列出了 %2 个节点中的 %1 个</translation>
    </message>
    <message>
        <source>still running: %1</source>
        <translation>仍在运行：%1</translation>
    </message>
    <message>
        <source>every node is down</source>
        <translation>所有节点均已停止</translation>
    </message>
    <message>
        <source>gs_om lists %1 nodes, expected %2</source>
        <translation>gs_om 列出了 %1 个节点，预期 %2 个</translation>
    </message>
    <message>
        <source>%1 primaries (cluster_state %2)</source>
        <translation>%1 个主库（cluster_state %2）</translation>
    </message>
    <message>
        <source>cluster_state %1 %2</source>
        <translation>cluster_state %1 %2</translation>
    </message>
    <message>
        <source>cluster_state Normal, one primary, %1 standbys Normal</source>
        <translation>cluster_state Normal，1 个主库，%1 个备库 Normal</translation>
    </message>
    <message>
        <source>systemctl printed nothing (exit code %1)</source>
        <translation>systemctl 没有任何输出（退出码 %1）</translation>
    </message>
    <message>
        <source>MogHA is still %1</source>
        <translation>MogHA 仍为 %1 状态</translation>
    </message>
    <message>
        <source>MogHA is %1</source>
        <translation>MogHA 为 %1 状态</translation>
    </message>
    <message>
        <source>MogHA is active</source>
        <translation>MogHA 处于 active 状态</translation>
    </message>
    <message>
        <source>present: %1</source>
        <translation>已存在：%1</translation>
    </message>
    <message>
        <source>not all of these exist: %1</source>
        <translation>以下路径并非全部存在：%1</translation>
    </message>
    <message>
        <source>the database does not answer: %1</source>
        <translation>数据库无响应：%1</translation>
    </message>
    <message>
        <source>version not understood: %1</source>
        <translation>无法解析版本：%1</translation>
    </message>
    <message>
        <source>the running server is %1 %2 (build %3), expected %4; it was started from the old binaries</source>
        <translation>正在运行的服务器为 %1 %2（build %3），预期 %4；它是用旧的二进制文件启动的</translation>
    </message>
    <message>
        <source>the binary is %1 %2 (build %3), expected %4</source>
        <translation>二进制文件为 %1 %2（build %3），预期 %4</translation>
    </message>
    <message>
        <source>%1 %2 (build %3)</source>
        <translation>%1 %2（build %3）</translation>
    </message>
    <message>
        <source>unknown check</source>
        <translation>未知的检查</translation>
    </message>
    <message>
        <source>node %1 is not in the profile</source>
        <translation>节点 %1 不在配置文件中</translation>
    </message>
    <message>
        <source>cancelled while checking</source>
        <translation>检查时已取消</translation>
    </message>
    <message>
        <source>%1, and stayed so for %2 s</source>
        <translation>%1，并已保持 %2 秒</translation>
    </message>
    <message>
        <source>%1 again %2 s after it had stopped: something restarted it (is MogHA or another watchdog still running on %3?)</source>
        <translation>%1（停止 %2 秒后又恢复）：有程序重新启动了它（%3 上的 MogHA 或其他看门狗是否仍在运行？）</translation>
    </message>
    <message>
        <source>%1 (still so after %2 s)</source>
        <translation>%1（%2 秒后仍是如此）</translation>
    </message>
    <message>
        <source>%1: running as %2 (%3), MogDB %4</source>
        <translation>%1：以 %2 身份运行（%3），MogDB %4</translation>
    </message>
    <message>
        <source>%1: not running (%2), installed binaries MogDB %3</source>
        <translation>%1：未运行（%2），已安装的二进制文件为 MogDB %3</translation>
    </message>
    <message>
        <source>; bin/ now holds %1</source>
        <translation>; bin/ 现为 %1</translation>
    </message>
    <message>
        <source>; old bin/lib kept as backups</source>
        <translation>; 旧的 bin/lib 已保留为备份</translation>
    </message>
    <message>
        <source>gaussdb -V failed: %1</source>
        <translation>gaussdb -V 执行失败：%1</translation>
    </message>
    <message>
        <source>gs_ctl query: %1</source>
        <translation>gs_ctl query：%1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the run directory %1</source>
        <translation>无法创建运行记录目录 %1</translation>
    </message>
    <message>
        <source>%1 already holds a run; choose an empty directory so no record is overwritten</source>
        <translation>%1 中已有一次运行的记录；请选择一个空目录，以免覆盖任何记录</translation>
    </message>
    <message>
        <source>cannot write in %1: %2</source>
        <translation>无法在 %1 中写入：%2</translation>
    </message>
    <message>
        <source>could not start the command on %1: %2</source>
        <translation>无法在 %1 上启动命令：%2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>no result after %1 s; the command was ended</source>
        <translation>%1 秒后仍无结果，已终止该命令</translation>
    </message>
    <message>
        <source>ended by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
    <message>
        <source>role %1</source>
        <translation>角色 %1</translation>
    </message>
    <message>
        <source>version %1</source>
        <translation>版本 %1</translation>
    </message>
    <message>
        <source>%1 nodes</source>
        <translation>%1 个节点</translation>
    </message>
    <message>
        <source>paths %1</source>
        <translation>路径 %1</translation>
    </message>
    <message>
        <source>stays so for %1 s</source>
        <translation>保持 %1 秒</translation>
    </message>
    <message>
        <source>within %1 s</source>
        <translation>%1 秒内</translation>
    </message>
    <message>
        <source>MogUp upgrade plan for profile %1</source>
        <translation>配置文件 %1 的 MogUp 升级计划</translation>
    </message>
    <message>
        <source>mode: %1</source>
        <translation>模式：%1</translation>
    </message>
    <message>
        <source>MogDB %1 -&gt; %2</source>
        <translation>MogDB %1 -&gt; %2</translation>
    </message>
    <message>
        <source>generated by MogUp; every command below is exactly what MogUp runs</source>
        <translation>由 MogUp 生成；以下每条命令与 MogUp 实际执行的完全一致</translation>
    </message>
    <message>
        <source>Each command runs in a subshell; the script stops at the first one that fails.</source>
        <translation>每条命令都在子 shell 中执行；脚本遇到第一条失败的命令即停止。</translation>
    </message>
    <message>
        <source>Commands marked &quot;ON ANOTHER HOST&quot; belong to the named node: run them there, not on this machine.</source>
        <translation>标有 &quot;在其他主机上执行&quot; 的命令属于所示节点：请在该节点上执行，不要在本机执行。</translation>
    </message>
    <message>
        <source>runs as root</source>
        <translation>以 root 身份执行</translation>
    </message>
    <message>
        <source>runs as the database user</source>
        <translation>以数据库用户身份执行</translation>
    </message>
    <message>
        <source>%1 (node %2, %3)</source>
        <translation>%1（节点 %2，%3）</translation>
    </message>
    <message>
        <source>ON ANOTHER HOST: node %1, host %2</source>
        <translation>在其他主机上执行：节点 %1，主机 %2</translation>
    </message>
    <message>
        <source>expect: %1</source>
        <translation>预期：%1</translation>
    </message>
    <message>
        <source>nothing to undo</source>
        <translation>无需回退</translation>
    </message>
    <message>
        <source>(the undo runs on node %1)</source>
        <translation>（回退在节点 %1 上执行）</translation>
    </message>
    <message>
        <source>package.file: &quot;%1&quot; is not a MogDB package name MogUp understands. Expected MogDB-&lt;version&gt;-&lt;os&gt;-&lt;x86_64|aarch64&gt;.tar.gz, for example MogDB-2.0.3-CentOS-x86_64.tar.gz. Fix: point package.file at the release tarball as downloaded, without renaming it.</source>
        <translation>package.file：&quot;%1&quot; 不是 MogUp 能识别的 MogDB 安装包名称。应为 MogDB-&lt;version&gt;-&lt;os&gt;-&lt;x86_64|aarch64&gt;.tar.gz，例如 MogDB-2.0.3-CentOS-x86_64.tar.gz。修正：将 package.file 指向下载的原始发布包，不要重命名。</translation>
    </message>
    <message>
        <source>from version: &quot;%1&quot; is not a version like 2.0.1. Fix: give the version the cluster runs now.</source>
        <translation>起始版本：&quot;%1&quot; 不是形如 2.0.1 的版本号。修正：填写集群当前运行的版本。</translation>
    </message>
    <message>
        <source>package.file: the package is MogDB %1, the version the cluster runs already. Fix: point package.file at the patch release (MogDB 2.0.3).</source>
        <translation>package.file：该安装包为 MogDB %1，即集群当前已在运行的版本。修正：将 package.file 指向补丁版本（MogDB 2.0.3）的安装包。</translation>
    </message>
    <message>
        <source>nodes: the profile has no nodes. Fix: add the primary and its standbys.</source>
        <translation>nodes：配置文件中没有节点。修正：添加主库及其备库。</translation>
    </message>
    <message>
        <source>nodes[%1].%2 (node %3): empty. Fix: set it in the profile.</source>
        <translation>nodes[%1].%2（节点 %3）：为空。修正：在配置文件中设置该项。</translation>
    </message>
    <message>
        <source>unpack_dir (node %1): empty. Fix: set unpack_dir for the cluster or nodes[%2].unpack_dir, for example /opt/mogdb203.</source>
        <translation>unpack_dir（节点 %1）：为空。修正：为整个集群设置 unpack_dir，或设置 nodes[%2].unpack_dir，例如 /opt/mogdb203。</translation>
    </message>
    <message>
        <source>primary node: &quot;%1&quot; is not a node of this profile (nodes: %2). Fix: name one of the profile&apos;s nodes as the primary.</source>
        <translation>主节点：&quot;%1&quot; 不是此配置文件中的节点（节点：%2）。修正：将配置文件中的某个节点指定为主节点。</translation>
    </message>
    <message>
        <source>nodes[].role: no node has role &quot;primary&quot;. Fix: set &quot;role&quot;: &quot;primary&quot; on the node that is primary now (gs_ctl query shows local_role Primary).</source>
        <translation>nodes[].role：没有角色为 &quot;primary&quot; 的节点。修正：在当前的主节点上设置 &quot;role&quot;: &quot;primary&quot;（即 gs_ctl query 显示 local_role Primary 的节点）。</translation>
    </message>
    <message>
        <source>nodes[].role: more than one node has role &quot;primary&quot; (%1). Fix: keep &quot;primary&quot; only on the node that is primary now.</source>
        <translation>nodes[].role：有多个节点的角色为 &quot;primary&quot;（%1）。修正：只在当前的主节点上保留 &quot;primary&quot;。</translation>
    </message>
    <message>
        <source>nodes: a rolling upgrade needs at least one standby besides the primary %1 (a cascade standby cannot take over). Fix: add the standby nodes to the profile, or choose the offline upgrade.</source>
        <translation>nodes：滚动升级除主库 %1 之外至少还需要一个备库（级联备库不能接管）。修正：将备节点添加到配置文件中，或改用停机升级。</translation>
    </message>
    <message>
        <source>Unpack %1 on %2</source>
        <translation>在 %2 上解压 %1</translation>
    </message>
    <message>
        <source>Stop MogHA on %1</source>
        <translation>停止 %1 上的 MogHA</translation>
    </message>
    <message>
        <source>Start MogHA on %1</source>
        <translation>启动 %1 上的 MogHA</translation>
    </message>
    <message>
        <source>Stop the whole cluster with gs_om (from %1)</source>
        <translation>用 gs_om 停止整个集群（在 %1 上执行）</translation>
    </message>
    <message>
        <source>Start the whole cluster with gs_om (from %1)</source>
        <translation>用 gs_om 启动整个集群（在 %1 上执行）</translation>
    </message>
    <message>
        <source>Stop the database on %1</source>
        <translation>停止 %1 上的数据库</translation>
    </message>
    <message>
        <source>Start the database on %1 as %2</source>
        <translation>以 %2 身份启动 %1 上的数据库</translation>
    </message>
    <message>
        <source>Replace bin on %1 (the old one is kept as %2)</source>
        <translation>替换 %1 上的 bin（旧目录保留为 %2）</translation>
    </message>
    <message>
        <source>Put the old bin back on %1 (from %2)</source>
        <translation>恢复 %1 上的旧 bin（来自 %2）</translation>
    </message>
    <message>
        <source>Replace lib on %1 (the old one is kept as %2)</source>
        <translation>替换 %1 上的 lib（旧目录保留为 %2）</translation>
    </message>
    <message>
        <source>Put the old lib back on %1 (from %2)</source>
        <translation>恢复 %1 上的旧 lib（来自 %2）</translation>
    </message>
    <message>
        <source>Copy the gs_om configuration files into the new bin on %1</source>
        <translation>将 gs_om 配置文件复制到 %1 上的新 bin 中</translation>
    </message>
    <message>
        <source>Remove the copied gs_om configuration files on %1</source>
        <translation>删除复制到 %1 上的 gs_om 配置文件</translation>
    </message>
    <message>
        <source>Wait until %1 has caught up with the primary</source>
        <translation>等待 %1 追平主库</translation>
    </message>
    <message>
        <source>Switch back: %1 becomes primary again, %2 standby</source>
        <translation>切回：%1 重新成为主库，%2 成为备库</translation>
    </message>
    <message>
        <source>Switch over: %1 becomes primary, %2 standby</source>
        <translation>主备切换：%1 成为主库，%2 成为备库</translation>
    </message>
    <message>
        <source>Switch over so that %1 is primary again</source>
        <translation>主备切换，使 %1 重新成为主库</translation>
    </message>
    <message>
        <source>Record the new roles with gs_om refreshconf (on %1)</source>
        <translation>用 gs_om refreshconf 记录新的角色（在 %1 上执行）</translation>
    </message>
    <message>
        <source>Check that %1 runs MogDB %2</source>
        <translation>检查 %1 运行的是 MogDB %2</translation>
    </message>
    <message>
        <source>Check the cluster state: %1 primary, all %2 nodes normal</source>
        <translation>检查集群状态：%1 为主库，全部 %2 个节点正常</translation>
    </message>
    <message>
        <source>node %1, %2</source>
        <translation>节点 %1，%2</translation>
    </message>
    <message>
        <source>Fix: %1</source>
        <translation>修正：%1</translation>
    </message>
    <message>
        <source>remove it; the known keys here are: %1.</source>
        <translation>请删除该项；此处可用的键为：%1。</translation>
    </message>
    <message>
        <source>did you mean &quot;%1&quot;? Rename or remove it.</source>
        <translation>是否想写 &quot;%1&quot;？请重命名或删除该项。</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot; (a misspelt key would otherwise be ignored).</source>
        <translation>未知的键 &quot;%1&quot;（拼错的键否则会被忽略）。</translation>
    </message>
    <message>
        <source>is missing.</source>
        <translation>缺少此项。</translation>
    </message>
    <message>
        <source>add &quot;%1&quot; (a text value).</source>
        <translation>请添加 &quot;%1&quot;（文本值）。</translation>
    </message>
    <message>
        <source>must be text.</source>
        <translation>必须是文本。</translation>
    </message>
    <message>
        <source>write it in double quotes.</source>
        <translation>请用双引号括起来。</translation>
    </message>
    <message>
        <source>is empty.</source>
        <translation>为空。</translation>
    </message>
    <message>
        <source>fill in &quot;%1&quot;.</source>
        <translation>请填写 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a relative path; it would depend on the directory a command runs in.</source>
        <translation>&quot;%1&quot; 是相对路径，其含义会随命令的执行目录而变化。</translation>
    </message>
    <message>
        <source>write the full path, starting with /.</source>
        <translation>请填写以 / 开头的完整路径。</translation>
    </message>
    <message>
        <source>add &quot;%1&quot; (a port number, 1-65535).</source>
        <translation>请添加 &quot;%1&quot;（端口号，1-65535）。</translation>
    </message>
    <message>
        <source>must be a whole number.</source>
        <translation>必须是整数。</translation>
    </message>
    <message>
        <source>write the port without quotes, e.g. 26000.</source>
        <translation>端口号不要加引号，例如 26000。</translation>
    </message>
    <message>
        <source>%1 is out of range (1-65535).</source>
        <translation>%1 超出范围（1-65535）。</translation>
    </message>
    <message>
        <source>use a valid TCP port.</source>
        <translation>请使用有效的 TCP 端口。</translation>
    </message>
    <message>
        <source>add &quot;%1&quot;: true or false.</source>
        <translation>请添加 &quot;%1&quot;：true 或 false。</translation>
    </message>
    <message>
        <source>must be true or false.</source>
        <translation>必须是 true 或 false。</translation>
    </message>
    <message>
        <source>write true or false without quotes.</source>
        <translation>true 或 false 不要加引号。</translation>
    </message>
    <message>
        <source>unknown value &quot;%1&quot;.</source>
        <translation>未知的值 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>use one of: %1.</source>
        <translation>请使用以下值之一：%1。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name.</source>
        <translation>&quot;%1&quot; 不是有效的用户名。</translation>
    </message>
    <message>
        <source>use the operating system user that owns the database, e.g. omm.</source>
        <translation>请使用拥有该数据库的操作系统用户，例如 omm。</translation>
    </message>
    <message>
        <source>must be a whole number of seconds from 0 to 600.</source>
        <translation>必须是 0 到 600 之间的整数秒数。</translation>
    </message>
    <message>
        <source>e.g. 10 (longer than MogHA&apos;s heartbeat interval).</source>
        <translation>例如 10（应长于 MogHA 的心跳间隔）。</translation>
    </message>
    <message>
        <source>add &quot;package&quot;: {&quot;file&quot;: &quot;/path/MogDB-2.0.3-CentOS-x86_64.tar.gz&quot;, &quot;on_nodes&quot;: false}.</source>
        <translation>请添加 &quot;package&quot;: {&quot;file&quot;: &quot;/path/MogDB-2.0.3-CentOS-x86_64.tar.gz&quot;, &quot;on_nodes&quot;: false}。</translation>
    </message>
    <message>
        <source>must be an object.</source>
        <translation>必须是对象。</translation>
    </message>
    <message>
        <source>write {&quot;file&quot;: &quot;...&quot;, &quot;on_nodes&quot;: false}.</source>
        <translation>请写成 {&quot;file&quot;: &quot;...&quot;, &quot;on_nodes&quot;: false}。</translation>
    </message>
    <message>
        <source>must be a non-empty list of nodes.</source>
        <translation>必须是非空的节点列表。</translation>
    </message>
    <message>
        <source>list every node of the cluster, the primary and each standby.</source>
        <translation>请列出集群的每个节点：主库和每个备库。</translation>
    </message>
    <message>
        <source>write each node as {&quot;name&quot;: ..., ...}.</source>
        <translation>每个节点请写成 {&quot;name&quot;: ..., ...}。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains characters a node name cannot have.</source>
        <translation>&quot;%1&quot; 含有节点名称中不允许的字符。</translation>
    </message>
    <message>
        <source>use letters, digits, &apos;.&apos;, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>请使用字母、数字、&apos;.&apos;、&apos;_&apos; 和 &apos;-&apos;。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; contains a space.</source>
        <translation>&quot;%1&quot; 含有空格。</translation>
    </message>
    <message>
        <source>write a host name or an IP address.</source>
        <translation>请填写主机名或 IP 地址。</translation>
    </message>
    <message>
        <source>is needed when auth is &quot;key&quot;.</source>
        <translation>auth 为 &quot;key&quot; 时必须设置。</translation>
    </message>
    <message>
        <source>give the full path of the private key (ed25519 or ECDSA).</source>
        <translation>请提供私钥（ed25519 或 ECDSA）的完整路径。</translation>
    </message>
    <message>
        <source>no unpack directory for this node.</source>
        <translation>此节点没有解压目录。</translation>
    </message>
    <message>
        <source>set the top-level &quot;unpack_dir&quot; (e.g. /opt/mogdb203) or one for this node.</source>
        <translation>请设置顶层的 &quot;unpack_dir&quot;（例如 /opt/mogdb203），或为此节点单独设置。</translation>
    </message>
    <message>
        <source>the name &quot;%1&quot; is used by node #%2 too.</source>
        <translation>节点 #%2 也使用了名称 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>give every node its own name.</source>
        <translation>请为每个节点起不同的名称。</translation>
    </message>
    <message>
        <source>%1 is also the database address of node %2.</source>
        <translation>%1 也是节点 %2 的数据库地址。</translation>
    </message>
    <message>
        <source>two nodes cannot share a host and database port; check host and db_port.</source>
        <translation>两个节点不能使用相同的主机和数据库端口；请检查 host 和 db_port。</translation>
    </message>
    <message>
        <source>node %1 on the same host uses the same data directory.</source>
        <translation>同一主机上的节点 %1 使用了相同的数据目录。</translation>
    </message>
    <message>
        <source>each database instance has its own PGDATA.</source>
        <translation>每个数据库实例都有各自的 PGDATA。</translation>
    </message>
    <message>
        <source>add the MogDB app directory that holds bin/ and lib/, e.g. /opt/mogdb/app.</source>
        <translation>请添加包含 bin/ 和 lib/ 的 MogDB 应用目录，例如 /opt/mogdb/app。</translation>
    </message>
    <message>
        <source>add the data directory, e.g. /opt/mogdb/data.</source>
        <translation>请添加数据目录，例如 /opt/mogdb/data。</translation>
    </message>
    <message>
        <source>no node can be primary: the list is empty.</source>
        <translation>没有可作为主库的节点：列表为空。</translation>
    </message>
    <message>
        <source>%1 nodes have role &quot;primary&quot;; a cluster has one.</source>
        <translation>有 %1 个节点的角色为 &quot;primary&quot;；一个集群只能有一个。</translation>
    </message>
    <message>
        <source>set &quot;role&quot;: &quot;primary&quot; on the node that leads now and &quot;standby&quot; on the others.</source>
        <translation>请在当前的主节点上设置 &quot;role&quot;: &quot;primary&quot;，在其他节点上设置 &quot;standby&quot;。</translation>
    </message>
    <message>
        <source>no node can be primary (every node is a cascade standby).</source>
        <translation>没有可作为主库的节点（所有节点都是级联备库）。</translation>
    </message>
    <message>
        <source>mark the node that leads now with &quot;role&quot;: &quot;primary&quot;.</source>
        <translation>请用 &quot;role&quot;: &quot;primary&quot; 标记当前的主节点。</translation>
    </message>
    <message>
        <source>give the cluster a name.</source>
        <translation>请为集群起一个名称。</translation>
    </message>
    <message>
        <source>give the full path of MogDB-2.0.3-&lt;OS&gt;-&lt;arch&gt;.tar.gz.</source>
        <translation>请提供 MogDB-2.0.3-&lt;OS&gt;-&lt;arch&gt;.tar.gz 的完整路径。</translation>
    </message>
    <message>
        <source>cannot read the profile %1: %2</source>
        <translation>无法读取配置文件 %1：%2</translation>
    </message>
    <message>
        <source>check the path and the file&apos;s permissions.</source>
        <translation>请检查路径和文件权限。</translation>
    </message>
    <message>
        <source>%1 at character %2</source>
        <translation>%1（第 %2 个字符处）</translation>
    </message>
    <message>
        <source>the top level is not an object</source>
        <translation>顶层不是对象</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: %2.</source>
        <translation>%1 不是有效的 JSON：%2。</translation>
    </message>
    <message>
        <source>fix the JSON syntax (a profile is one {...} object).</source>
        <translation>请修正 JSON 语法（配置文件是一个 {...} 对象）。</translation>
    </message>
    <message>
        <source>Cancelled before step %1 (%2 on %3).</source>
        <translation>在步骤 %1（%2，节点 %3）开始前已取消。</translation>
    </message>
    <message>
        <source>cancelled while the command ran</source>
        <translation>命令执行期间已取消</translation>
    </message>
    <message>
        <source>the command exited with code %1</source>
        <translation>命令的退出码为 %1</translation>
    </message>
    <message>
        <source>Cancelled during step %1 &quot;%2&quot; on %3.</source>
        <translation>在步骤 %1 &quot;%2&quot;（节点 %3）执行期间已取消。</translation>
    </message>
    <message>
        <source>the command failed</source>
        <translation>命令执行失败</translation>
    </message>
    <message>
        <source>the check failed</source>
        <translation>检查未通过</translation>
    </message>
    <message>
        <source>Step %1 &quot;%2&quot; on %3: %4: %5.</source>
        <translation>步骤 %1 &quot;%2&quot;（节点 %3）：%4：%5。</translation>
    </message>
    <message>
        <source>line %1: &quot;%2&quot;: %3</source>
        <translation>第 %1 行：&quot;%2&quot;：%3</translation>
    </message>
    <message>
        <source>unknown %1 &quot;%2&quot;</source>
        <translation>未知的 %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>unexpected repeated gs_ctl query line</source>
        <translation>gs_ctl query 的行意外重复</translation>
    </message>
    <message>
        <source>server-not-running message after query results</source>
        <translation>查询结果之后出现了服务器未运行的消息</translation>
    </message>
    <message>
        <source>unexpected gs_ctl message</source>
        <translation>意外的 gs_ctl 消息</translation>
    </message>
    <message>
        <source>server reported not running, yet printed results</source>
        <translation>服务器报告未运行，却输出了结果</translation>
    </message>
    <message>
        <source>section printed twice</source>
        <translation>该部分出现了两次</translation>
    </message>
    <message>
        <source>section out of order</source>
        <translation>各部分的顺序不正确</translation>
    </message>
    <message>
        <source>section has neither rows nor &quot;No information&quot;</source>
        <translation>该部分既没有数据行，也没有 &quot;No information&quot;</translation>
    </message>
    <message>
        <source>field outside of any section</source>
        <translation>字段不属于任何部分</translation>
    </message>
    <message>
        <source>unrecognised line</source>
        <translation>无法识别的行</translation>
    </message>
    <message>
        <source>unknown HA state field &quot;%1&quot;</source>
        <translation>未知的 HA state 字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; printed twice</source>
        <translation>字段 &quot;%1&quot; 出现了两次</translation>
    </message>
    <message>
        <source>field after &quot;No information&quot;</source>
        <translation>&quot;No information&quot; 之后出现了字段</translation>
    </message>
    <message>
        <source>unknown sender field &quot;%1&quot;</source>
        <translation>未知的 sender 字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown receiver field &quot;%1&quot;</source>
        <translation>未知的 receiver 字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>row does not start with %1</source>
        <translation>行不是以 %1 开头</translation>
    </message>
    <message>
        <source>sender row ends here without %1</source>
        <translation>sender 行在此结束，缺少 %1</translation>
    </message>
    <message>
        <source>receiver row ends here without %1</source>
        <translation>receiver 行在此结束，缺少 %1</translation>
    </message>
    <message>
        <source>HA state ends here without %1</source>
        <translation>HA state 在此结束，缺少 %1</translation>
    </message>
    <message>
        <source>bad static_connections &quot;%1&quot;</source>
        <translation>无效的 static_connections &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty detail_information</source>
        <translation>detail_information 为空</translation>
    </message>
    <message>
        <source>bad pid &quot;%1&quot;</source>
        <translation>无效的 pid &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad %1 &quot;%2&quot;</source>
        <translation>无效的 %1 &quot;%2&quot;</translation>
    </message>
    <message>
        <source>bad sync_percent &quot;%1&quot;</source>
        <translation>无效的 sync_percent &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad sync_priority &quot;%1&quot;</source>
        <translation>无效的 sync_priority &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad channel &quot;%1&quot;</source>
        <translation>无效的 channel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;No information&quot; outside of a senders/receiver section</source>
        <translation>&quot;No information&quot; 不在 senders/receiver 部分中</translation>
    </message>
    <message>
        <source>&quot;No information&quot; in a section that has rows</source>
        <translation>含有数据行的部分中出现了 &quot;No information&quot;</translation>
    </message>
    <message>
        <source>gs_ctl query printed nothing</source>
        <translation>gs_ctl query 没有任何输出</translation>
    </message>
    <message>
        <source>output ends before the HA state section</source>
        <translation>输出在 HA state 部分之前就结束了</translation>
    </message>
    <message>
        <source>output ends before the %1 section</source>
        <translation>输出在 %1 部分之前就结束了</translation>
    </message>
    <message>
        <source>unexpected section header</source>
        <translation>意外的部分标题</translation>
    </message>
    <message>
        <source>datanode section without cluster section</source>
        <translation>有 datanode 部分，却没有 cluster 部分</translation>
    </message>
    <message>
        <source>datanode section before cluster_state</source>
        <translation>datanode 部分出现在 cluster_state 之前</translation>
    </message>
    <message>
        <source>unexpected rule line</source>
        <translation>意外的分隔线</translation>
    </message>
    <message>
        <source>unknown cluster_state &quot;%1&quot;</source>
        <translation>未知的 cluster_state &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown redistributing &quot;%1&quot;</source>
        <translation>未知的 redistributing &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad current_az &quot;%1&quot;</source>
        <translation>无效的 current_az &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty cluster_name</source>
        <translation>cluster_name 为空</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot;</source>
        <translation>未知字段 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown datanode column header</source>
        <translation>未知的 datanode 列标题</translation>
    </message>
    <message>
        <source>datanode entry &quot;%1&quot; has too few columns</source>
        <translation>datanode 条目 &quot;%1&quot; 的列数不足</translation>
    </message>
    <message>
        <source>bad node id &quot;%1&quot;</source>
        <translation>无效的节点 ID &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad node_ip &quot;%1&quot;</source>
        <translation>无效的 node_ip &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad port &quot;%1&quot;</source>
        <translation>无效的端口 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad instance id &quot;%1&quot;</source>
        <translation>无效的实例 ID &quot;%1&quot;</translation>
    </message>
    <message>
        <source>bad data directory &quot;%1&quot;</source>
        <translation>无效的数据目录 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown instance role letter &quot;%1&quot;</source>
        <translation>未知的实例角色字母 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown role &quot;%1&quot;</source>
        <translation>未知的角色 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>unknown state &quot;%1&quot;</source>
        <translation>未知的状态 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>empty datanode entry</source>
        <translation>datanode 条目为空</translation>
    </message>
    <message>
        <source>instance %1 listed twice</source>
        <translation>实例 %1 被列出了两次</translation>
    </message>
    <message>
        <source>expected the dashed rule under the column header</source>
        <translation>列标题下方应有虚线分隔线</translation>
    </message>
    <message>
        <source>gs_om status printed nothing</source>
        <translation>gs_om status 没有任何输出</translation>
    </message>
    <message>
        <source>output ends without cluster_state</source>
        <translation>输出结束时仍没有 cluster_state</translation>
    </message>
    <message>
        <source>output ends before the datanode rows</source>
        <translation>输出在 datanode 行之前就结束了</translation>
    </message>
    <message>
        <source>cluster section lacks redistributing or current_az</source>
        <translation>cluster 部分缺少 redistributing 或 current_az</translation>
    </message>
    <message>
        <source>version string &quot;%1&quot;: %2</source>
        <translation>版本字符串 &quot;%1&quot;：%2</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <source>more than one line</source>
        <translation>多于一行</translation>
    </message>
    <message>
        <source>not a MogDB/openGauss version string</source>
        <translation>不是 MogDB/openGauss 版本字符串</translation>
    </message>
    <message>
        <source>unexpected version number after &quot;%1&quot;</source>
        <translation>&quot;%1&quot; 之后出现了意外的版本号</translation>
    </message>
    <message>
        <source>unbalanced parentheses</source>
        <translation>括号不匹配</translation>
    </message>
    <message>
        <source>missing &quot;on &lt;platform&gt;, compiled by ...&quot;</source>
        <translation>缺少 &quot;on &lt;platform&gt;, compiled by ...&quot;</translation>
    </message>
    <message>
        <source>expected %1 columns, found %2</source>
        <translation>预期 %1 列，实际为 %2 列</translation>
    </message>
    <message>
        <source>gsql printed nothing</source>
        <translation>gsql 没有任何输出</translation>
    </message>
    <message>
        <source>expected the ---+--- rule under the header</source>
        <translation>表头下方应有 ---+--- 分隔线</translation>
    </message>
    <message>
        <source>output ends before the row count footer</source>
        <translation>输出在末尾的行数统计之前就结束了</translation>
    </message>
    <message>
        <source>empty column name</source>
        <translation>列名为空</translation>
    </message>
    <message>
        <source>more than one result</source>
        <translation>多于一个结果</translation>
    </message>
    <message>
        <source>footer announces %1 rows, found %2</source>
        <translation>末尾统计为 %1 行，实际为 %2 行</translation>
    </message>
    <message>
        <source>expected %1 fields, found %2</source>
        <translation>预期 %1 个字段，实际为 %2 个</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>mogup-cli: unknown command &quot;%1&quot;.</source>
        <translation>mogup-cli：未知命令 &quot;%1&quot;。</translation>
    </message>
    <message>
        <source>mogup-cli: --profile is required (the cluster profile, a JSON file).</source>
        <translation>mogup-cli：必须指定 --profile（集群配置文件，JSON 格式）。</translation>
    </message>
    <message numerus="yes">
        <source>mogup-cli: the profile %1 has %n problem(s):</source>
        <translation>
            <numerusform>mogup-cli：配置文件 %1 有 %n 个问题：</numerusform>
        </translation>
    </message>
    <message>
        <source>mogup-cli: --mode must be &quot;offline&quot; or &quot;rolling&quot; (got &quot;%1&quot;).</source>
        <translation>mogup-cli：--mode 必须为 &quot;offline&quot; 或 &quot;rolling&quot;（实际为 &quot;%1&quot;）。</translation>
    </message>
    <message numerus="yes">
        <source>Plan: %1 upgrade of cluster &quot;%2&quot; from MogDB %3 to %4, %n step(s).</source>
        <translation>
            <numerusform>升级计划：以 %1 方式将集群 &quot;%2&quot; 从 MogDB %3 升级到 %4，共 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>check (%1): %2</source>
        <translation>检查（%1）：%2</translation>
    </message>
    <message>
        <source>undo: %1</source>
        <translation>回退：%1</translation>
    </message>
    <message>
        <source>NODE</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>ROLE</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>STATE</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>VERSION</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>RUNNING</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>no node runs as primary</source>
        <translation>没有以主库身份运行的节点</translation>
    </message>
    <message>
        <source>%1 nodes run as primary (%2)</source>
        <translation>有 %1 个节点以主库身份运行（%2）</translation>
    </message>
    <message>
        <source>Build or stop a sandbox MogDB cluster.</source>
        <translation>构建或停止一个沙箱 MogDB 集群。</translation>
    </message>
    <message>
        <source>init or stop</source>
        <translation>init 或 stop</translation>
    </message>
    <message>
        <source>the sandbox directory</source>
        <translation>沙箱目录</translation>
    </message>
    <message>
        <source>number of nodes (default 3)</source>
        <translation>节点数（默认 3）</translation>
    </message>
    <message>
        <source>om or manual (default om)</source>
        <translation>om 或 manual（默认 om）</translation>
    </message>
    <message>
        <source>do not run the MogHA stand-in</source>
        <translation>不运行模拟的 MogHA</translation>
    </message>
    <message>
        <source>time-speed factor for the walsender leak (default 60)</source>
        <translation>walsender 泄漏的时间加速倍数（默认 60）</translation>
    </message>
    <message>
        <source>mogup-cli demo: expected &quot;demo init DIR&quot; or &quot;demo stop DIR&quot;.</source>
        <translation>mogup-cli demo：应为 &quot;demo init DIR&quot; 或 &quot;demo stop DIR&quot;。</translation>
    </message>
    <message>
        <source>mogup-cli demo stop: %1</source>
        <translation>mogup-cli demo stop：%1</translation>
    </message>
    <message>
        <source>Sandbox %1 stopped; no process of it is left.</source>
        <translation>沙箱 %1 已停止，没有残留进程。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --nodes must be a number from 2 to 9.</source>
        <translation>mogup-cli demo init：--nodes 必须是 2 到 9 之间的数字。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --install must be &quot;om&quot; or &quot;manual&quot;.</source>
        <translation>mogup-cli demo init：--install 必须为 &quot;om&quot; 或 &quot;manual&quot;。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --speed must be a positive number.</source>
        <translation>mogup-cli demo init：--speed 必须是正数。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: %1</source>
        <translation>mogup-cli demo init：%1</translation>
    </message>
    <message>
        <source>Sandbox cluster ready in %1 (%2 nodes, %3 install, MogHA %4).</source>
        <translation>沙箱集群已在 %1 中就绪（%2 个节点，安装方式 %3，MogHA %4）。</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>未部署</translation>
    </message>
    <message>
        <source>Profile: %1</source>
        <translation>配置文件：%1</translation>
    </message>
    <message>
        <source>Next: mogup-cli upgrade --profile %1 --mode rolling</source>
        <translation>下一步：mogup-cli upgrade --profile %1 --mode rolling</translation>
    </message>
    <message>
        <source>cluster profile</source>
        <translation>集群配置文件</translation>
    </message>
    <message>
        <source>offline or rolling</source>
        <translation>offline 或 rolling</translation>
    </message>
    <message>
        <source>rolling: leave the upgraded standby as primary</source>
        <translation>rolling：让升级后的备库继续作为主库</translation>
    </message>
    <message>
        <source>print the plan as JSON</source>
        <translation>以 JSON 格式输出升级计划</translation>
    </message>
    <message>
        <source>mogup-cli plan: no node has &quot;role&quot;: &quot;primary&quot; in the profile, and the live cluster cannot tell: %1.</source>
        <translation>mogup-cli plan：配置文件中没有节点设置 &quot;role&quot;: &quot;primary&quot;，且无法从运行中的集群判断主库：%1。</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>以 JSON 格式输出</translation>
    </message>
    <message>
        <source>run without asking</source>
        <translation>不询问，直接执行</translation>
    </message>
    <message>
        <source>where to keep the record of this run</source>
        <translation>本次运行记录的保存位置</translation>
    </message>
    <message>
        <source>Reading the cluster...</source>
        <translation>正在读取集群状态...</translation>
    </message>
    <message>
        <source>%1 is %2</source>
        <translation>%1 为 %2</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>Every node already runs MogDB %1; nothing to do.</source>
        <translation>所有节点均已运行 MogDB %1，无需操作。</translation>
    </message>
    <message>
        <source>mogup-cli upgrade: not asking on a non-interactive input; add --yes to run the plan above. Nothing was changed.</source>
        <translation>mogup-cli upgrade：输入不是交互式终端，不会询问确认；如需执行上述升级计划，请加上 --yes。未做任何更改。</translation>
    </message>
    <message>
        <source>Run this plan now? Type &quot;yes&quot; to go on: </source>
        <translation>现在执行此升级计划吗？输入 &quot;yes&quot; 继续： </translation>
    </message>
    <message>
        <source>Not run. Nothing was changed.</source>
        <translation>未执行。未做任何更改。</translation>
    </message>
    <message>
        <source>Record of this run: %1</source>
        <translation>本次运行记录：%1</translation>
    </message>
    <message>
        <source>ok in %1 s: %2</source>
        <translation>成功，耗时 %1 秒：%2</translation>
    </message>
    <message>
        <source>FAILED after %1 s: %2</source>
        <translation>失败，耗时 %1 秒：%2</translation>
    </message>
    <message>
        <source>Cancelling: stopping the current command...</source>
        <translation>正在取消：停止当前命令...</translation>
    </message>
    <message>
        <source>Cluster now:</source>
        <translation>集群当前状态：</translation>
    </message>
    <message>
        <source>UPGRADE CANCELLED</source>
        <translation>升级已取消</translation>
    </message>
    <message>
        <source>UPGRADE FAILED</source>
        <translation>升级失败</translation>
    </message>
    <message>
        <source>Failed step: %1 on node %2.</source>
        <translation>失败的步骤：节点 %2 上的 %1。</translation>
    </message>
    <message>
        <source>State of each node:</source>
        <translation>各节点状态：</translation>
    </message>
    <message>
        <source>The way back (undo of the completed steps, most recent first; review before running):</source>
        <translation>回退方法（已完成步骤的回退命令，最近的在前；执行前请仔细核对）：</translation>
    </message>
    <message>
        <source>Or fix the cause and finish the remaining steps by hand; the full record is in %1.</source>
        <translation>或者排除故障后手动完成剩余步骤；完整记录见 %1。</translation>
    </message>
    <message>
        <source>upload %1 to every node (SFTP, then sha256sum compared):</source>
        <translation>将 %1 上传到每个节点（通过 SFTP 上传，然后比对 sha256sum）：</translation>
    </message>
    <message>
        <source>Upload %1 to every node and check its SHA-256</source>
        <translation>将 %1 上传到每个节点并校验其 SHA-256</translation>
    </message>
    <message>
        <source>%1: this transport cannot upload files</source>
        <translation>%1：此传输方式无法上传文件</translation>
    </message>
    <message>
        <source>%1: cannot read %2: %3</source>
        <translation>%1：无法读取 %2：%3</translation>
    </message>
    <message>
        <source>%1: cannot write %2: %3</source>
        <translation>%1：无法写入 %2：%3</translation>
    </message>
    <message>
        <source>%1: upload cancelled</source>
        <translation>%1：上传已取消</translation>
    </message>
    <message>
        <source>%1: writing %2 failed: %3</source>
        <translation>%1：写入 %2 失败：%3</translation>
    </message>
    <message numerus="yes">
        <source>%1 on %n node(s), SHA-256 %2 verified on each</source>
        <translation>
            <numerusform>%1 已分发到 %n 个节点，各节点均已校验 SHA-256 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 (%3) answered in %4 ms</source>
        <translation>%1：%2（%3）在 %4 毫秒内响应</translation>
    </message>
    <message>
        <source>%1: the host name &quot;%2&quot; was not found (check &quot;host&quot; in the profile)</source>
        <translation>%1：找不到主机名 &quot;%2&quot;（请检查配置文件中的 &quot;host&quot;）</translation>
    </message>
    <message>
        <source>%1: %2 refused the connection: nothing listens there (is the %3 port right, is the service running?)</source>
        <translation>%1：%2 拒绝连接：该端口上没有服务在监听（%3 端口是否正确？服务是否在运行？）</translation>
    </message>
    <message>
        <source>%1: %2 did not answer within %3 s (wrong host, firewall, or the machine is down)</source>
        <translation>%1：%2 在 %3 秒内无响应（主机地址错误、被防火墙拦截或机器已宕机）</translation>
    </message>
    <message>
        <source>%1: %2 cannot be reached: %3</source>
        <translation>%1：无法访问 %2：%3</translation>
    </message>
    <message>
        <source>database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>cannot read the package %1 on this machine</source>
        <translation>无法读取本机上的安装包 %1</translation>
    </message>
    <message>
        <source>%1: cannot create %2 (%3)</source>
        <translation>%1：无法创建 %2（%3）</translation>
    </message>
    <message>
        <source>exit code %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>%1: %2 is already there and identical (SHA-256 %3); not sent again</source>
        <translation>%1：%2 已存在且内容相同（SHA-256 %3），不再重复发送</translation>
    </message>
    <message>
        <source>resuming the upload at %1 of %2</source>
        <translation>从 %1 处断点续传（共 %2）</translation>
    </message>
    <message>
        <source>%1: the upload failed</source>
        <translation>%1：上传失败</translation>
    </message>
    <message>
        <source>%1: checksum mismatch for %2: this machine has SHA-256 %3, the node computed %4</source>
        <translation>%1：%2 的校验和不一致：本机的 SHA-256 为 %3，节点计算出的为 %4</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1: %2 uploaded in %3 s (%4/s)%5, SHA-256 %6 verified on the node</source>
        <translation>%1：%2 已上传，耗时 %3 秒（%4/s）%5，已在节点上校验 SHA-256 %6</translation>
    </message>
    <message>
        <source>, resumed at %1</source>
        <translation>，从 %1 处断点续传</translation>
    </message>
    <message>
        <source>the server refused the RSA key: libssh2 1.10, which MogUp uses, can sign with RSA only as ssh-rsa (SHA-1), and OpenSSH 8.8 and later reject that. Use an ed25519 or ECDSA key instead (ssh-keygen -t ed25519) and add its .pub to ~/.ssh/authorized_keys on the node</source>
        <translation>服务器拒绝了该 RSA 密钥：MogUp 使用的 libssh2 1.10 只能以 ssh-rsa（SHA-1）方式进行 RSA 签名，而 OpenSSH 8.8 及更高版本拒绝这种签名。请改用 ed25519 或 ECDSA 密钥（ssh-keygen -t ed25519），并将其 .pub 添加到节点上的 ~/.ssh/authorized_keys</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1（%2:%3）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1 (libssh2 error %2)</source>
        <translation>%1（libssh2 错误 %2）</translation>
    </message>
    <message>
        <source>cannot resolve the host name: %1</source>
        <translation>无法解析主机名：%1</translation>
    </message>
    <message>
        <source>no answer within %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <source>could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>could not log in within %1 s</source>
        <translation>未能在 %1 秒内登录</translation>
    </message>
    <message>
        <source>could not create an SSH session</source>
        <translation>无法创建 SSH 会话</translation>
    </message>
    <message>
        <source>the SSH handshake did not finish within %1 s</source>
        <translation>SSH 握手未在 %1 秒内完成</translation>
    </message>
    <message>
        <source>the SSH handshake failed: %1</source>
        <translation>SSH 握手失败：%1</translation>
    </message>
    <message>
        <source>the server presented no host key</source>
        <translation>服务器未提供主机密钥</translation>
    </message>
    <message>
        <source>the host key %1 %2 is marked @revoked in %3:%4; refusing to connect</source>
        <translation>主机密钥 %1 %2 在 %3:%4 中被标记为 @revoked；拒绝连接</translation>
    </message>
    <message>
        <source>the host key has CHANGED: the server now presents %1 %2, but %3:%4 holds %5 %6 for %7. Someone may be intercepting the connection, or the host was reinstalled. Ask the host&apos;s administrator; only if the change is expected, remove the old key with: ssh-keygen -R &apos;%7&apos; -f %3 (nothing was run on the node)</source>
        <translation>主机密钥已变更：服务器现在提供的是 %1 %2，但 %3:%4 中记录的 %7 的密钥为 %5 %6。可能有人正在拦截连接，也可能该主机已重装。请向该主机的管理员确认；只有确认这一变更属实时，才用以下命令删除旧密钥：ssh-keygen -R &apos;%7&apos; -f %3（未在节点上执行任何命令）</translation>
    </message>
    <message>
        <source>the host key is not known (%1 %2) and the host key policy is strict. Check the fingerprint with the host&apos;s administrator, then add it: ssh-keyscan -p %3 %4 &gt;&gt; %5 and compare what ssh-keygen -lf %5 prints with %2 (or choose the policy &quot;ask&quot;)</source>
        <translation>主机密钥未知（%1 %2），且主机密钥策略为 strict。请先与该主机的管理员核对指纹，再添加：ssh-keyscan -p %3 %4 &gt;&gt; %5，并将 ssh-keygen -lf %5 输出的指纹与 %2 比对（或将策略改为 &quot;ask&quot;）</translation>
    </message>
    <message>
        <source>the host key is not known (%1 %2) and nobody can be asked whether to trust it</source>
        <translation>主机密钥未知（%1 %2），且无法询问是否信任该密钥</translation>
    </message>
    <message>
        <source>the host key %1 %2 was not accepted; nothing was written to %3</source>
        <translation>主机密钥 %1 %2 未被接受；未向 %3 写入任何内容</translation>
    </message>
    <message>
        <source>could not record the host key %1 %2: %3</source>
        <translation>无法记录主机密钥 %1 %2：%3</translation>
    </message>
    <message>
        <source>could not ask which logins the server accepts: %1</source>
        <translation>无法查询服务器接受哪些登录方式：%1</translation>
    </message>
    <message>
        <source>the server does not accept keys for %1 (it offers: %2)</source>
        <translation>服务器不接受 %1 使用密钥登录（它支持：%2）</translation>
    </message>
    <message>
        <source>unknown login method &quot;%1&quot; (use agent, key, password or keyboard-interactive)</source>
        <translation>未知的登录方式 &quot;%1&quot;（请使用 agent、key、password 或 keyboard-interactive）</translation>
    </message>
    <message>
        <source>no ssh-agent to log in with: SSH_AUTH_SOCK is not set. Start ssh-agent and add your key with ssh-add, or set &quot;auth&quot;: &quot;key&quot; with a key file</source>
        <translation>没有可用于登录的 ssh-agent：未设置 SSH_AUTH_SOCK。请启动 ssh-agent 并用 ssh-add 添加密钥，或设置 &quot;auth&quot;: &quot;key&quot; 并指定密钥文件</translation>
    </message>
    <message>
        <source>could not use the ssh-agent: %1</source>
        <translation>无法使用 ssh-agent：%1</translation>
    </message>
    <message>
        <source>cannot reach the ssh-agent at %1: %2</source>
        <translation>无法连接位于 %1 的 ssh-agent：%2</translation>
    </message>
    <message>
        <source>the ssh-agent did not list its keys: %1</source>
        <translation>ssh-agent 未能列出其密钥：%1</translation>
    </message>
    <message>
        <source>the ssh-agent holds no keys; add one with ssh-add</source>
        <translation>ssh-agent 中没有任何密钥；请用 ssh-add 添加</translation>
    </message>
    <message>
        <source>the server refused every key the ssh-agent offered for %1 (%2)</source>
        <translation>服务器拒绝了 ssh-agent 为 %1 提供的所有密钥（%2）</translation>
    </message>
    <message>
        <source>&quot;auth&quot; is &quot;key&quot; but no key file is given (key_file)</source>
        <translation>&quot;auth&quot; 为 &quot;key&quot;，但未指定密钥文件（key_file）</translation>
    </message>
    <message>
        <source>cannot read the key file %1: %2</source>
        <translation>无法读取密钥文件 %1：%2</translation>
    </message>
    <message>
        <source>the key file %1 is protected by a passphrase and none was given</source>
        <translation>密钥文件 %1 受私钥口令保护，但未提供私钥口令</translation>
    </message>
    <message>
        <source> (key file %1)</source>
        <translation> (密钥文件 %1)</translation>
    </message>
    <message>
        <source>the server refused the key %1 for user %2: is its .pub in ~/.ssh/authorized_keys of %2 on the node?</source>
        <translation>服务器拒绝了用户 %2 的密钥 %1：节点上 %2 的 ~/.ssh/authorized_keys 中是否有它的 .pub？</translation>
    </message>
    <message>
        <source>wrong passphrase for the key file %1</source>
        <translation>密钥文件 %1 的私钥口令错误</translation>
    </message>
    <message>
        <source>could not log in with the key file %1: %2</source>
        <translation>无法使用密钥文件 %1 登录：%2</translation>
    </message>
    <message>
        <source>the server does not accept passwords for %1 (it offers: %2)</source>
        <translation>服务器不接受 %1 使用密码登录（它支持：%2）</translation>
    </message>
    <message>
        <source>; try &quot;auth&quot;: &quot;keyboard-interactive&quot;</source>
        <translation>; 请尝试 &quot;auth&quot;: &quot;keyboard-interactive&quot;</translation>
    </message>
    <message>
        <source>no password was given for %1</source>
        <translation>未提供 %1 的密码</translation>
    </message>
    <message>
        <source>the password of %1 has expired; change it on the node first</source>
        <translation>%1 的密码已过期；请先在节点上修改密码</translation>
    </message>
    <message>
        <source>password login failed: %1</source>
        <translation>密码登录失败：%1</translation>
    </message>
    <message>
        <source>the server refused the password for %1</source>
        <translation>服务器拒绝了 %1 的密码</translation>
    </message>
    <message>
        <source>the server does not offer keyboard-interactive login for %1 (it offers: %2)</source>
        <translation>服务器不支持 %1 使用 keyboard-interactive 登录（它支持：%2）</translation>
    </message>
    <message>
        <source>no answer was given to the server&apos;s login prompt for %1</source>
        <translation>没有人回答服务器对 %1 的登录提示</translation>
    </message>
    <message>
        <source>the server refused the answer to its login prompt for %1</source>
        <translation>服务器拒绝了对 %1 登录提示的回答</translation>
    </message>
    <message>
        <source>keyboard-interactive login failed: %1</source>
        <translation>keyboard-interactive 登录失败：%1</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>the connection does not answer (no channel within %1 s)</source>
        <translation>连接无响应（%1 秒内未能打开通道）</translation>
    </message>
    <message>
        <source>the connection was lost: %1</source>
        <translation>连接已断开：%1</translation>
    </message>
    <message>
        <source>could not start the command: %1</source>
        <translation>无法启动命令：%1</translation>
    </message>
    <message>
        <source>no answer to keepalives for %1 s</source>
        <translation>保活消息已 %1 秒无响应</translation>
    </message>
    <message>
        <source>the connection was lost at the end of the command: %1</source>
        <translation>命令结束时连接断开：%1</translation>
    </message>
    <message>
        <source>ended by signal %1 (SIG%2)</source>
        <translation>被信号 %1（SIG%2）终止</translation>
    </message>
    <message>
        <source>the connection was lost while the command ran (%1); whether the command finished on the node is unknown</source>
        <translation>命令运行期间连接断开（%1）；无法确定命令是否已在节点上执行完毕</translation>
    </message>
    <message>
        <source>the connection was lost while the command was being ended (%1)</source>
        <translation>终止命令期间连接断开（%1）</translation>
    </message>
    <message>
        <source> (it may still be running on the node: it could not be ended there)</source>
        <translation> (它可能仍在节点上运行：无法在节点上终止它)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>local (default) or ssh: drive the sandbox through a real sshd</source>
        <translation>local（默认）或 ssh：通过真实的 sshd 操作沙箱</translation>
    </message>
    <message>
        <source>ssh: the sshd port on 127.0.0.1-127.0.0.N</source>
        <translation>ssh：127.0.0.1-127.0.0.N 上的 sshd 端口</translation>
    </message>
    <message>
        <source>ssh: the private key to log in with (ed25519 or ECDSA)</source>
        <translation>ssh：用于登录的私钥（ed25519 或 ECDSA）</translation>
    </message>
    <message>
        <source>ssh: the known_hosts file to check host keys against</source>
        <translation>ssh：用于核对主机密钥的 known_hosts 文件</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --transport ssh needs --ssh-port (the sshd port).</source>
        <translation>mogup-cli demo init：--transport ssh 需要 --ssh-port（sshd 端口）。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --transport ssh needs --identity KEYFILE (an existing private key).</source>
        <translation>mogup-cli demo init：--transport ssh 需要 --identity KEYFILE（已存在的私钥）。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --transport ssh needs --known-hosts FILE.</source>
        <translation>mogup-cli demo init：--transport ssh 需要 --known-hosts FILE。</translation>
    </message>
    <message>
        <source>mogup-cli demo init: --transport must be &quot;local&quot; or &quot;ssh&quot;.</source>
        <translation>mogup-cli demo init：--transport 必须为 &quot;local&quot; 或 &quot;ssh&quot;。</translation>
    </message>
    <message>
        <source>%1: logged in (%2), host key %3 %4</source>
        <translation>%1：已登录（%2），主机密钥 %3 %4</translation>
    </message>
    <message>
        <source>Nothing was changed on any node.</source>
        <translation>所有节点均未做任何更改。</translation>
    </message>
    <message>
        <source>, %1 s left</source>
        <translation>，剩余 %1 秒</translation>
    </message>
    <message>
        <source>upload %1% (%2 of %3 MiB, %4 MiB/s%5)</source>
        <translation>上传 %1%（%2 / %3 MiB，%4 MiB/s%5）</translation>
    </message>
    <message>
        <source>Password for %1@%2 (%3): </source>
        <translation>%1@%2（%3）的密码： </translation>
    </message>
    <message>
        <source>%1@%2 (%3) asks: %4</source>
        <translation>%1@%2（%3）询问：%4</translation>
    </message>
    <message>
        <source>Passphrase for the key %1 (%2): </source>
        <translation>密钥 %1（%2）的私钥口令： </translation>
    </message>
    <message>
        <source>sudo password of %1 on %2 (%3): </source>
        <translation>%1 在 %2（%3）上的 sudo 密码： </translation>
    </message>
    <message>
        <source>That was not accepted. </source>
        <translation>未被接受。 </translation>
    </message>
    <message>
        <source>The authenticity of host %1 (node %2, port %3) can&apos;t be established.
%4 key fingerprint is %5.
Compare it with the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).
Trust this key and add it to %6? Type &quot;yes&quot; to trust it: </source>
        <translation>无法确认主机 %1（节点 %2，端口 %3）的真实性。
%4 密钥指纹为 %5。
请与节点上的指纹进行比对（ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）。
是否信任此密钥并将其添加到 %6？输入 &quot;yes&quot; 表示信任： </translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>no such file or directory (does the folder exist?)</source>
        <translation>没有该文件或目录（该文件夹是否存在？）</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>权限不足</translation>
    </message>
    <message>
        <source>no space left on the node&apos;s file system</source>
        <translation>节点的文件系统已无剩余空间</translation>
    </message>
    <message>
        <source>the disk quota of the login user is exceeded</source>
        <translation>已超出登录用户的磁盘配额</translation>
    </message>
    <message>
        <source>the node&apos;s SFTP server does not support this operation</source>
        <translation>节点的 SFTP 服务器不支持此操作</translation>
    </message>
    <message>
        <source>invalid file name</source>
        <translation>文件名无效</translation>
    </message>
    <message>
        <source>the node&apos;s SFTP server reported a failure (SFTP status %1: the path may be a folder, on a read-only file system, or the disk may be full)</source>
        <translation>节点的 SFTP 服务器报告失败（SFTP 状态 %1：该路径可能是文件夹，或位于只读文件系统上，也可能是磁盘已满）</translation>
    </message>
    <message>
        <source>cannot read %1 on this machine: %2</source>
        <translation>无法读取本机上的 %1：%2</translation>
    </message>
    <message>
        <source>cannot continue the upload of %1 at byte %2: the local file %3 has %4 bytes</source>
        <translation>无法从第 %2 字节处继续上传 %1：本地文件 %3 只有 %4 字节</translation>
    </message>
    <message>
        <source>the connection was lost before the upload of %1 started: %2</source>
        <translation>在 %1 开始上传之前连接已断开：%2</translation>
    </message>
    <message>
        <source>the SSH server offers no SFTP (is &quot;Subsystem sftp&quot; set in its sshd_config?): %1</source>
        <translation>SSH 服务器未提供 SFTP（其 sshd_config 中是否设置了 &quot;Subsystem sftp&quot;？）：%1</translation>
    </message>
    <message>
        <source>cannot open %1 for writing: %2</source>
        <translation>无法打开 %1 进行写入：%2</translation>
    </message>
    <message>
        <source>cannot read the size of %1: %2</source>
        <translation>无法读取 %1 的大小：%2</translation>
    </message>
    <message>
        <source>cannot continue the upload of %1 at byte %2: the file there has %3 bytes; it must be sent again from the beginning</source>
        <translation>无法从第 %2 字节处继续上传 %1：节点上的该文件有 %3 字节；必须从头重新发送</translation>
    </message>
    <message>
        <source>no space left for %1: %2 to write, %3 free on the node&apos;s file system</source>
        <translation>%1 的空间不足：需写入 %2，节点文件系统上仅剩 %3 可用</translation>
    </message>
    <message>
        <source>the connection was lost during the upload of %1 after %2 of %3 (%4); the next attempt continues from there</source>
        <translation>上传 %1 时连接已断开，已传输 %2 / %3（%4）；下次尝试将从该处断点续传</translation>
    </message>
    <message>
        <source>the upload of %1 was cancelled after %2 of %3</source>
        <translation>%1 的上传已取消，已传输 %2 / %3</translation>
    </message>
    <message>
        <source>reading %1 on this machine failed: %2</source>
        <translation>读取本机上的 %1 失败：%2</translation>
    </message>
    <message>
        <source>%1 on this machine became shorter during the upload</source>
        <translation>本机上的 %1 在上传过程中变短了</translation>
    </message>
    <message>
        <source>no answer for %1 s</source>
        <translation>%1 秒内无响应</translation>
    </message>
    <message>
        <source>no space left on the node&apos;s file system (%1 free)</source>
        <translation>节点的文件系统已无剩余空间（可用 %1）</translation>
    </message>
    <message>
        <source>writing %1 failed after %2 of %3: %4</source>
        <translation>写入 %1 失败，已写入 %2 / %3：%4</translation>
    </message>
    <message>
        <source>closing %1 failed: %2</source>
        <translation>关闭 %1 失败：%2</translation>
    </message>
    <message>
        <source>stderr:</source>
        <translation>stderr:</translation>
    </message>
    <message>
        <source>Could not stop the demo cluster in %1: %2</source>
        <translation>无法停止 %1 中的演示集群：%2</translation>
    </message>
    <message>
        <source>Could not open %1:
%2</source>
        <translation>无法打开 %1：
%2</translation>
    </message>
    <message>
        <source>Welcome to MogUp</source>
        <translation>欢迎使用 MogUp</translation>
    </message>
    <message>
        <source>Patch-upgrade a MogDB 2.0.1 cluster to 2.0.3, step by step.</source>
        <translation>逐步将 MogDB 2.0.1 集群补丁升级到 2.0.3。</translation>
    </message>
    <message>
        <source>MogUp shows every command before it runs, runs them one node at a time with a live log, and checks the result on each node. Open a cluster profile, or try everything on a demo cluster built on this machine.</source>
        <translation>MogUp 会在执行每条命令之前先显示该命令，逐个节点执行并实时显示日志，并在每个节点上检查结果。请打开一个集群配置文件，或在本机上构建的演示集群中试用全部功能。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Open a profile...</source>
        <translation>打开配置文件(&amp;O)...</translation>
    </message>
    <message>
        <source>Try the &amp;demo cluster</source>
        <translation>试用演示集群(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Recent profiles:</source>
        <translation>最近使用的配置文件(&amp;R)：</translation>
    </message>
    <message>
        <source>No cluster yet: open a profile or try the demo cluster.</source>
        <translation>尚无集群：请打开配置文件或试用演示集群。</translation>
    </message>
    <message numerus="yes">
        <source>Cluster &quot;%1&quot;: %n node(s), transport %2. Click Next to check the nodes.</source>
        <translation>
            <numerusform>集群 &quot;%1&quot;：%n 个节点，传输方式 %2。单击“下一步”检查节点。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open a cluster profile</source>
        <translation>打开集群配置文件</translation>
    </message>
    <message>
        <source>Cluster profiles (*.json)</source>
        <translation>集群配置文件 (*.json)</translation>
    </message>
    <message>
        <source>Building a demo cluster in %1 ...</source>
        <translation>正在 %1 中构建演示集群 ...</translation>
    </message>
    <message>
        <source>the sandbox could not be built</source>
        <translation>无法构建沙箱</translation>
    </message>
    <message>
        <source>The demo cluster could not be built: %1</source>
        <translation>无法构建演示集群：%1</translation>
    </message>
    <message>
        <source>The demo cluster&apos;s profile could not be read: %1</source>
        <translation>无法读取演示集群的配置文件：%1</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Every node of the cluster: how to reach it and where MogDB lives on it.</source>
        <translation>集群的每个节点：如何连接，以及 MogDB 在节点上的位置。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>SSH user</source>
        <translation>SSH 用户</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>GAUSSHOME</source>
        <translation>GAUSSHOME</translation>
    </message>
    <message>
        <source>PGDATA</source>
        <translation>PGDATA</translation>
    </message>
    <message>
        <source>Database port</source>
        <translation>数据库端口</translation>
    </message>
    <message>
        <source>Environment file</source>
        <translation>环境变量文件</translation>
    </message>
    <message>
        <source>This value has a problem; see the messages below the table.</source>
        <translation>此值有问题；请查看表格下方的消息。</translation>
    </message>
    <message>
        <source>Every node is complete.</source>
        <translation>所有节点信息均已填写完整。</translation>
    </message>
    <message>
        <source>Fix these before going on:</source>
        <translation>继续之前请先修正以下问题：</translation>
    </message>
    <message>
        <source>Upgrade mode</source>
        <translation>升级方式</translation>
    </message>
    <message>
        <source>How the nodes are taken through the upgrade.</source>
        <translation>各节点如何完成升级。</translation>
    </message>
    <message>
        <source>&amp;Offline</source>
        <translation>停机升级(&amp;O)</translation>
    </message>
    <message>
        <source>The whole cluster stops, every node gets the new binaries, and the cluster starts again. Simplest and fastest, but the database is unavailable for the whole upgrade (a few minutes).</source>
        <translation>整个集群停止，每个节点换上新的二进制文件，然后集群重新启动。最简单、最快，但整个升级期间（几分钟）数据库不可用。</translation>
    </message>
    <message>
        <source>&amp;Rolling</source>
        <translation>滚动升级(&amp;R)</translation>
    </message>
    <message>
        <source>The standbys are upgraded one at a time, then a standby takes over as primary while the old primary is upgraded. The database stays available except for a few seconds at each switchover.</source>
        <translation>逐个升级备库，然后由一个备库接管成为主库，同时升级原主库。除每次主备切换时的几秒钟外，数据库始终可用。</translation>
    </message>
    <message>
        <source>&amp;Switch back to the original primary at the end</source>
        <translation>最后切回原主库(&amp;S)</translation>
    </message>
    <message>
        <source>Pre-checks</source>
        <translation>预检查</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>重新检查(&amp;C)</translation>
    </message>
    <message>
        <source>Every check passed: the cluster can be upgraded.</source>
        <translation>所有检查均已通过：可以升级该集群。</translation>
    </message>
    <message>
        <source>Not ready:</source>
        <translation>尚未就绪：</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>升级计划</translation>
    </message>
    <message>
        <source>Every command that will run, in order, and the node it runs on. Nothing has run yet.</source>
        <translation>将要执行的每条命令（按顺序）及其执行的节点。尚未执行任何命令。</translation>
    </message>
    <message>
        <source>&amp;Run the upgrade</source>
        <translation>执行升级(&amp;R)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>&amp;Copy as shell script</source>
        <translation>复制为 Shell 脚本(&amp;C)</translation>
    </message>
    <message>
        <source>No plan: %1</source>
        <translation>无升级计划：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1 upgrade of &quot;%2&quot; from MogDB %3 to %4: %n step(s).</source>
        <translation>
            <numerusform>%1：将 &quot;%2&quot; 从 MogDB %3 升级到 %4，共 %n 个步骤。</numerusform>
        </translation>
    </message>
    <message>
        <source>Rolling</source>
        <translation>滚动升级</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>停机升级</translation>
    </message>
    <message>
        <source>Step %1: %2 (on %3, as %4)</source>
        <translation>步骤 %1：%2（在 %3 上，以 %4 身份执行）</translation>
    </message>
    <message>
        <source>root</source>
        <translation>root</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Then checked with:</source>
        <translation>随后通过以下命令检查：</translation>
    </message>
    <message>
        <source>Undone by (%1):</source>
        <translation>回退命令（%1）：</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>执行</translation>
    </message>
    <message>
        <source>Each step runs its command, then reads the node to prove it worked. The full log is kept in the run directory.</source>
        <translation>每个步骤先执行其命令，然后读取节点以确认执行成功。完整日志保存在运行记录目录中。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>C&amp;ancel run</source>
        <translation>取消执行(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Follow the log</source>
        <translation>跟随日志(&amp;F)</translation>
    </message>
    <message>
        <source>Show lines containing...</source>
        <translation>筛选包含此文字的行...</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>所有节点</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancel the run?</source>
        <translation>取消执行？</translation>
    </message>
    <message>
        <source>The current command is stopped and no further step runs. The nodes stay as they are at that moment; the page then shows each node&apos;s state and the way back.</source>
        <translation>当前命令将被停止，后续步骤不再执行。各节点保持停止时的状态；随后页面会显示每个节点的状态和回退方法。</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>已用时间：%1</translation>
    </message>
    <message>
        <source>The run could not start: %1</source>
        <translation>无法开始执行：%1</translation>
    </message>
    <message>
        <source>Step %1 of %2: %3 on %4</source>
        <translation>步骤 %1 / %2：%3（节点 %4）</translation>
    </message>
    <message>
        <source>Starting...</source>
        <translation>正在启动...</translation>
    </message>
    <message>
        <source>Upgrade finished: all %1 steps succeeded. Click Next to verify the cluster.</source>
        <translation>升级完成：全部 %1 个步骤均已成功。单击“下一步”验证集群。</translation>
    </message>
    <message>
        <source>The run was cancelled: %1</source>
        <translation>执行已取消：%1</translation>
    </message>
    <message>
        <source>The run failed: %1</source>
        <translation>执行失败：%1</translation>
    </message>
    <message>
        <source>Stopped at: %1 on node %2.</source>
        <translation>停止于：%1（节点 %2）。</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>Every node read again: version, role and state, before and after the upgrade.</source>
        <translation>重新读取每个节点：升级前后的版本、角色和状态。</translation>
    </message>
    <message>
        <source>Version before</source>
        <translation>升级前版本</translation>
    </message>
    <message>
        <source>Version after</source>
        <translation>升级后版本</translation>
    </message>
    <message>
        <source>Role before</source>
        <translation>升级前角色</translation>
    </message>
    <message>
        <source>Role after</source>
        <translation>升级后角色</translation>
    </message>
    <message>
        <source>State before</source>
        <translation>升级前状态</translation>
    </message>
    <message>
        <source>State after</source>
        <translation>升级后状态</translation>
    </message>
    <message>
        <source>&amp;Read again</source>
        <translation>重新读取(&amp;R)</translation>
    </message>
    <message>
        <source>%1 runs %2, not %3.</source>
        <translation>%1 运行的是 %2，而不是 %3。</translation>
    </message>
    <message>
        <source>%1 is %2.</source>
        <translation>%1：%2。</translation>
    </message>
    <message>
        <source>The cluster has %1 primaries instead of one.</source>
        <translation>集群有 %1 个主库，而不是一个。</translation>
    </message>
    <message numerus="yes">
        <source>Verified: every node runs MogDB %1 in state Normal, with one primary and %n standby(s).</source>
        <translation>
            <numerusform>验证通过：所有节点均运行 MogDB %1 且状态为 Normal，共 1 个主库和 %n 个备库。</numerusform>
        </translation>
    </message>
    <message>
        <source>Not verified:</source>
        <translation>验证未通过：</translation>
    </message>
    <message>
        <source>build a demo cluster on this machine and open the wizard on it</source>
        <translation>在本机上构建演示集群并在其上打开向导</translation>
    </message>
    <message>
        <source>language: zh_CN or en (default: the system language)</source>
        <translation>语言：zh_CN 或 en（默认：系统语言）</translation>
    </message>
    <message>
        <source>open this cluster profile</source>
        <translation>打开此集群配置文件</translation>
    </message>
    <message>
        <source>mogup: --lang must be zh_CN or en.</source>
        <translation>mogup：--lang 必须为 zh_CN 或 en。</translation>
    </message>
    <message>
        <source>mogup: the Chinese translation is missing; using English.</source>
        <translation>mogup：缺少中文翻译；使用英文。</translation>
    </message>
    <message>
        <source>Every node reached and read</source>
        <translation>每个节点均可连接并读取</translation>
    </message>
    <message numerus="yes">
        <source>%n node(s) answered</source>
        <translation>
            <numerusform>%n 个节点已响应</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 runs MogDB %2</source>
        <translation>%1 运行 MogDB %2</translation>
    </message>
    <message>
        <source>MogDB %1</source>
        <translation>MogDB %1</translation>
    </message>
    <message>
        <source>already runs MogDB %1: already patched (a half-finished upgrade?)</source>
        <translation>已运行 MogDB %1：已打过补丁（是否有未完成的升级？）</translation>
    </message>
    <message>
        <source>finish or undo the earlier upgrade on this node first; resuming is not supported yet</source>
        <translation>请先完成或回退该节点上之前的升级；暂不支持断点续升</translation>
    </message>
    <message>
        <source>runs MogDB %1: not affected (MogDB 2.1 and later do not have this leak)</source>
        <translation>运行 MogDB %1：不受影响（MogDB 2.1 及以后版本没有此内存泄漏）</translation>
    </message>
    <message>
        <source>nothing to patch on this node</source>
        <translation>该节点无需打补丁</translation>
    </message>
    <message>
        <source>runs MogDB %1; this patch is for %2</source>
        <translation>运行 MogDB %1；此补丁适用于 %2</translation>
    </message>
    <message>
        <source>check the profile and the node</source>
        <translation>检查配置文件和该节点</translation>
    </message>
    <message>
        <source>Exactly one primary</source>
        <translation>有且仅有一个主库</translation>
    </message>
    <message>
        <source>repair the cluster first (gs_ctl query on every node, then gs_om -t refreshconf)</source>
        <translation>请先修复集群（在每个节点上执行 gs_ctl query，然后执行 gs_om -t refreshconf）</translation>
    </message>
    <message>
        <source>the profile says %1 is primary, but %2 runs as primary now</source>
        <translation>配置文件中 %1 是主库，但当前以主库身份运行的是 %2</translation>
    </message>
    <message>
        <source>update the &quot;role&quot; fields of the profile</source>
        <translation>更新配置文件中的 &quot;role&quot; 字段</translation>
    </message>
    <message>
        <source>%1 is the primary</source>
        <translation>%1 是主库</translation>
    </message>
    <message>
        <source>Every node Normal</source>
        <translation>所有节点状态为 Normal</translation>
    </message>
    <message>
        <source>every node runs in state Normal</source>
        <translation>所有节点均以 Normal 状态运行</translation>
    </message>
    <message>
        <source>Every standby streaming from the primary</source>
        <translation>所有备库都在从主库接收流复制</translation>
    </message>
    <message>
        <source>gs_ctl query on %1 not understood: %2</source>
        <translation>无法解析 %1 上 gs_ctl query 的输出：%2</translation>
    </message>
    <message>
        <source>%1 sends to %2 streaming standby(s)</source>
        <translation>%1 正在向 %2 个备库发送流复制</translation>
    </message>
    <message>
        <source>%1 of %2 standbys stream from %3</source>
        <translation>%2 个备库中有 %1 个在从 %3 接收流复制</translation>
    </message>
    <message>
        <source>wait until every standby has caught up (gs_ctl query on the primary), then check again</source>
        <translation>等待所有备库追平（在主库上执行 gs_ctl query），然后重新检查</translation>
    </message>
    <message>
        <source>MogHA on %1 as the profile says</source>
        <translation>%1 上的 MogHA 与配置文件一致</translation>
    </message>
    <message>
        <source>MogHA is running on %1, but the profile says &quot;mogha&quot;: false: it would restart the database the plan stops</source>
        <translation>%1 上正在运行 MogHA，但配置文件中为 &quot;mogha&quot;: false：它会重新拉起升级计划停止的数据库</translation>
    </message>
    <message>
        <source>set &quot;mogha&quot;: true in the profile</source>
        <translation>在配置文件中设置 &quot;mogha&quot;: true</translation>
    </message>
    <message>
        <source>MogHA is not running on %1 (%2); the plan stops it (nothing to do) and starts it at the end</source>
        <translation>%1 上未运行 MogHA（%2）；升级计划会停止它（无需操作），并在最后启动它</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>无响应</translation>
    </message>
    <message>
        <source>set &quot;mogha&quot;: false if this cluster has no MogHA</source>
        <translation>如果该集群没有部署 MogHA，请设置 &quot;mogha&quot;: false</translation>
    </message>
    <message>
        <source>no MogHA running</source>
        <translation>未运行 MogHA</translation>
    </message>
    <message>
        <source>The package is MogDB 2.0.3 and intact</source>
        <translation>安装包为 MogDB 2.0.3 且完整</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>get the package again from the vendor and check its size</source>
        <translation>请重新从厂商获取安装包并核对其大小</translation>
    </message>
    <message>
        <source>the connection was lost while the command was being sent: %1</source>
        <translation>发送命令时连接中断：%1</translation>
    </message>
    <message>
        <source>the command shell on the node ended while the command ran; whether the command finished is unknown</source>
        <translation>命令运行期间节点上的命令 shell 已退出；无法确定该命令是否已执行完</translation>
    </message>
    <message>
        <source>Reads every node and the package (nothing is changed): the same checks as mogup-cli precheck.</source>
        <translation>读取每个节点和安装包（不做任何更改）：与 mogup-cli precheck 的检查相同。</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>检查项</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>修正方法</translation>
    </message>
    <message>
        <source>I have read the warnings and want to go on</source>
        <translation>我已阅读警告，仍要继续</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>WARN</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>修正：%1</translation>
    </message>
    <message>
        <source>go on although a pre-check gave a warning</source>
        <translation>即使预检查给出警告也继续</translation>
    </message>
    <message>
        <source>Pre-checks (read-only)...</source>
        <translation>预检查（只读）...</translation>
    </message>
    <message>
        <source>mogup-cli upgrade: the pre-checks failed:</source>
        <translation>mogup-cli upgrade：预检查未通过：</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>未做任何更改。</translation>
    </message>
    <message>
        <source>mogup-cli upgrade: the pre-checks gave warnings (above); read them and add --accept-warnings to go on. Nothing was changed.</source>
        <translation>mogup-cli upgrade：预检查给出了警告（见上文）；阅读后加上 --accept-warnings 继续。未做任何更改。</translation>
    </message>
    <message>
        <source>already so, not run: %1</source>
        <translation>已是目标状态，未执行：%1</translation>
    </message>
    <message>
        <source>the run directory of the upgrade to take back</source>
        <translation>要回退的那次升级的运行记录目录</translation>
    </message>
    <message>
        <source>mogup-cli undo: --run-dir must name the run directory of an upgrade (it holds journal.jsonl).</source>
        <translation>mogup-cli undo：--run-dir 必须指向一次升级的运行记录目录（其中有 journal.jsonl）。</translation>
    </message>
    <message>
        <source>mogup-cli undo: cannot read %1.</source>
        <translation>mogup-cli undo：无法读取 %1。</translation>
    </message>
    <message>
        <source>Nothing to undo: no step of that run changed anything that can be taken back.</source>
        <translation>无需回退：该次运行的步骤没有做出任何可回退的更改。</translation>
    </message>
    <message>
        <source>That run finished successfully: undoing it takes every node back to MogDB %1.</source>
        <translation>该次运行已成功完成：回退会使所有节点回到 MogDB %1。</translation>
    </message>
    <message>
        <source>mogup-cli undo: not asking on a non-interactive input; add --yes to run the steps above. Nothing was changed.</source>
        <translation>mogup-cli undo：输入不是交互式终端，无法询问；请加上 --yes 以执行上述步骤。未做任何更改。</translation>
    </message>
    <message>
        <source>UNDO FAILED: %1</source>
        <translation>回退失败：%1</translation>
    </message>
    <message>
        <source>UNDO COMPLETE: every step of the way back ran and was checked. Record: %1</source>
        <translation>回退完成：回退路径的每个步骤均已执行并通过检查。运行记录：%1</translation>
    </message>
    <message>
        <source>Discovery reads the cluster from the OM (gs_om), which only OM installs have. On a manual install, add a row per node and fill in its host, GAUSSHOME, PGDATA and database port (gs_ctl query -D PGDATA on each node shows its role).</source>
        <translation>发现功能通过 OM（gs_om）读取集群信息，只有通过 OM 安装的集群才有 OM。对于手动安装的集群，请为每个节点添加一行，并填写其主机、GAUSSHOME、PGDATA 和数据库端口（在各节点上执行 gs_ctl query -D PGDATA 可查看其角色）。</translation>
    </message>
    <message>
        <source>%1: the profile says this is a manual install (no gs_om). %2</source>
        <translation>%1：配置文件表明这是手动安装的集群（没有 gs_om）。%2</translation>
    </message>
    <message>
        <source>%1: GAUSSHOME and PGDATA of this node are needed to ask its OM; fill them in first.</source>
        <translation>%1：需要该节点的 GAUSSHOME 和 PGDATA 才能查询其 OM；请先填写。</translation>
    </message>
    <message>
        <source>%1: could not run gs_om there: %2. Check the node&apos;s host, SSH port and login (Test connections shows what fails).</source>
        <translation>%1：无法在该节点上运行 gs_om：%2。请检查该节点的主机、SSH 端口和登录方式（“测试连接”可显示失败的环节）。</translation>
    </message>
    <message>
        <source>no datanode table</source>
        <translation>没有 datanode 表</translation>
    </message>
    <message>
        <source>%1: gs_om -t status --detail printed something MogUp cannot read (%2; exit code %3; it began: &quot;%4&quot;). Run it on %1 as %5 to see what is wrong, or fill in the rows by hand.</source>
        <translation>%1：MogUp 无法解析 gs_om -t status --detail 的输出（%2；退出码 %3；输出开头为：&quot;%4&quot;）。请以 %5 身份在 %1 上执行该命令查看问题所在，或手动填写各行。</translation>
    </message>
    <message>
        <source>%1: gs_om -t status --detail lists no datanode. Run it on %1 as %2 to see why, or fill in the rows by hand.</source>
        <translation>%1：gs_om -t status --detail 未列出任何 datanode。请以 %2 身份在 %1 上执行该命令查看原因，或手动填写各行。</translation>
    </message>
    <message>
        <source>%1: its OM lists %2, but none of them is this node (name %1, host %3, PGDATA %4). Correct the name, host or PGDATA of %1 to match, then discover again.</source>
        <translation>%1：其 OM 列出了 %2，但其中没有该节点（名称 %1，主机 %3，PGDATA %4）。请修正 %1 的名称、主机或 PGDATA 使之一致，然后重新发现。</translation>
    </message>
    <message>
        <source>The database port of %1 could not be read (gs_om prints none and the replication settings of %2 do not name it): %2&apos;s port was used; check it. </source>
        <translation>无法读取 %1 的数据库端口（gs_om 未输出端口，%2 的复制设置中也未指明）：已使用 %2 的端口，请核对。</translation>
    </message>
    <message>
        <source>Database ports were read from the replication settings of %1 (this gs_om prints no port column): replication port - 1. </source>
        <translation>数据库端口取自 %1 的复制设置（此版本的 gs_om 不输出端口列）：复制端口 - 1。</translation>
    </message>
    <message>
        <source>SSH port, SSH user, login, GAUSSHOME and environment file of the other nodes were taken from %1: check them.</source>
        <translation>其他节点的 SSH 端口、SSH 用户、登录方式、GAUSSHOME 和环境变量文件取自 %1：请核对。</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本地</translation>
    </message>
    <message>
        <source>not attempted</source>
        <translation>未尝试</translation>
    </message>
    <message>
        <source>local: commands run on this machine</source>
        <translation>本地：命令在本机上执行</translation>
    </message>
    <message>
        <source>not used (transport local)</source>
        <translation>未使用（本地传输，transport local）</translation>
    </message>
    <message>
        <source>no login: runs as the current user</source>
        <translation>无需登录：以当前用户身份执行</translation>
    </message>
    <message>
        <source>answered in %1 ms</source>
        <translation>在 %1 毫秒内响应</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>not attempted: the node cannot be reached</source>
        <translation>未尝试：无法连接该节点</translation>
    </message>
    <message>
        <source>not reached: the SSH connection failed first</source>
        <translation>未进行：SSH 连接已先失败</translation>
    </message>
    <message>
        <source>known (%1)</source>
        <translation>已知（%1）</translation>
    </message>
    <message>
        <source>new, accepted by you and recorded (%1)</source>
        <translation>新密钥，已由您接受并记录（%1）</translation>
    </message>
    <message>
        <source>new, trusted on first use and recorded (%1)</source>
        <translation>新密钥，首次使用时已信任并记录（%1）</translation>
    </message>
    <message>
        <source>refused by you (%1)</source>
        <translation>已被您拒绝（%1）</translation>
    </message>
    <message>
        <source>unknown, refused by the host key policy &quot;%1&quot; (%2)</source>
        <translation>未知密钥，已被主机密钥策略 &quot;%1&quot; 拒绝（%2）</translation>
    </message>
    <message>
        <source>CHANGED, refused: the server presents %1, known_hosts holds another key</source>
        <translation>已变更，已拒绝：服务器提供的是 %1，而 known_hosts 中记录的是另一个密钥</translation>
    </message>
    <message>
        <source>revoked in known_hosts, refused (%1)</source>
        <translation>在 known_hosts 中已被吊销，已拒绝（%1）</translation>
    </message>
    <message>
        <source>accepted but could not be recorded in known_hosts</source>
        <translation>已接受，但无法记录到 known_hosts 中</translation>
    </message>
    <message>
        <source>not attempted: the host key was not accepted</source>
        <translation>未尝试：主机密钥未被接受</translation>
    </message>
    <message>
        <source>logged in as %1 (%2)</source>
        <translation>已以 %1 身份登录（%2）</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <source>cascade standby</source>
        <translation>级联备库</translation>
    </message>
    <message>
        <source>standby</source>
        <translation>备库</translation>
    </message>
    <message>
        <source>MogHA stopped on %1</source>
        <translation>%1 上的 MogHA 已停止</translation>
    </message>
    <message>
        <source>the whole cluster stops (%1)</source>
        <translation>整个集群停止（%1）</translation>
    </message>
    <message>
        <source>%1 (%2) upgraded</source>
        <translation>%1（%2）已升级</translation>
    </message>
    <message>
        <source>the whole cluster starts (%1)</source>
        <translation>整个集群启动（%1）</translation>
    </message>
    <message>
        <source>switch back: %1 is primary again, %2 standby</source>
        <translation>切换回：%1 重新成为主库，%2 成为备库</translation>
    </message>
    <message>
        <source>switchover: %1 becomes primary, %2 standby</source>
        <translation>主备切换：%1 成为主库，%2 成为备库</translation>
    </message>
    <message>
        <source>MogHA started on %1</source>
        <translation>%1 上的 MogHA 已启动</translation>
    </message>
    <message>
        <source>Expected downtime: unknown until the plan can be built (%1).</source>
        <translation>预计停机时间：在能生成升级计划之前无法确定（%1）。</translation>
    </message>
    <message>
        <source>Expected downtime: the whole procedure, typically a few minutes. The database is unavailable from the stop to the start: %1 of the plan&apos;s %2, while bin and lib are replaced on %3.</source>
        <translation>预计停机时间：整个升级过程，通常为几分钟。从停止到启动期间数据库不可用：占升级计划 %2 个步骤中的 %1，期间会替换 %3 上的 bin 和 lib。</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 个步骤</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n node(s)</source>
        <translation>
            <numerusform>%n 个节点</numerusform>
        </translation>
    </message>
    <message>
        <source>Expected downtime: the switchovers only, a few seconds each (%1). Every node is stopped and started once (%2), one at a time, while another node serves.</source>
        <translation>预计停机时间：仅主备切换期间，每次几秒钟（%1）。每个节点依次停止并启动一次（%2），期间由其他节点提供服务。</translation>
    </message>
    <message numerus="yes">
        <source>%n switchover(s)</source>
        <translation>
            <numerusform>%n 次主备切换</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n restart(s)</source>
        <translation>
            <numerusform>%n 次重启</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: no copy was checked</source>
        <translation>%1：未检查任何副本</translation>
    </message>
    <message>
        <source>%1: MogDB %2, %3 matches its .sha256 (checked on %4)</source>
        <translation>%1：MogDB %2，%3 与其 .sha256 一致（已在 %4 上检查）</translation>
    </message>
    <message>
        <source>choose the MogDB %1 package (MogDB-%1-&lt;os&gt;-&lt;arch&gt;.tar.gz)</source>
        <translation>请选择 MogDB %1 安装包（MogDB-%1-&lt;os&gt;-&lt;arch&gt;.tar.gz）</translation>
    </message>
    <message>
        <source>check the path, or choose the package with Browse</source>
        <translation>请检查路径，或通过“浏览”选择安装包</translation>
    </message>
    <message>
        <source>copy the package to that path on every node, or choose &quot;on this machine&quot; to upload it</source>
        <translation>请将安装包复制到每个节点上的该路径，或选择“在本机上”以上传安装包</translation>
    </message>
    <message>
        <source>make the file readable for the user MogUp logs in as</source>
        <translation>请确保 MogUp 登录所用的用户可以读取该文件</translation>
    </message>
    <message>
        <source>%1 is MogDB %2, not MogDB %3: this upgrade needs the %3 package</source>
        <translation>%1 是 MogDB %2，不是 MogDB %3：本次升级需要 %3 的安装包</translation>
    </message>
    <message>
        <source>the check was cancelled</source>
        <translation>检查已取消</translation>
    </message>
    <message>
        <source>%1 is not there</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is there but cannot be read</source>
        <translation>%1 存在但无法读取</translation>
    </message>
    <message>
        <source>%1 could not be checked (%2)</source>
        <translation>无法检查 %1（%2）</translation>
    </message>
    <message>
        <source>%1 cannot be read, or does not hold %2 and %3</source>
        <translation>%1 无法读取，或其中不包含 %2 和 %3</translation>
    </message>
    <message>
        <source>checksum mismatch for %1: the .sha256 says %2, the file has %3</source>
        <translation>%1 的校验和不一致：.sha256 中为 %2，文件实际为 %3</translation>
    </message>
    <message>
        <source>%1 (%2, SHA-256 %3): %4 matches its .sha256</source>
        <translation>%1（%2，SHA-256 %3）：%4 与其 .sha256 一致</translation>
    </message>
    <message>
        <source>Unknown host key of %1</source>
        <translation>%1 的主机密钥未知</translation>
    </message>
    <message>
        <source>The host key of node %1 (%2:%3) is not known yet.

Key type: %4
Fingerprint: %5

Compare it with the fingerprint on the node (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) before you trust it. Trusting it adds it to %6; refusing leaves that file as it is, and MogUp does not log in to %1.</source>
        <translation>节点 %1（%2:%3）的主机密钥目前未知。

密钥类型：%4
指纹：%5

信任之前，请先与节点上的指纹进行比对（ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub）。信任后会将其添加到 %6；拒绝则不改动该文件，MogUp 也不会登录 %1。</translation>
    </message>
    <message>
        <source>Key passphrase for %1</source>
        <translation>%1 的私钥口令</translation>
    </message>
    <message>
        <source>sudo password for %1</source>
        <translation>%1 的 sudo 密码</translation>
    </message>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>The previous answer was not accepted.</source>
        <translation>上一次的输入未被接受。</translation>
    </message>
    <message>
        <source>Password of %1 on %2 (node %3):</source>
        <translation>%1 在 %2（节点 %3）上的密码：</translation>
    </message>
    <message>
        <source>The server of node %1 asks %2 on %3:</source>
        <translation>节点 %1 的服务器向 %3 上的 %2 询问：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Passphrase of the key %1 (user %2, node %3):</source>
        <translation>密钥 %1 的私钥口令（用户 %2，节点 %3）：</translation>
    </message>
    <message>
        <source>sudo password of %1 on %2 (node %3):</source>
        <translation>%1 在 %2（节点 %3）上的 sudo 密码：</translation>
    </message>
    <message>
        <source>It is kept in memory only, until the wizard closes.</source>
        <translation>它仅保存在内存中，直到向导关闭。</translation>
    </message>
    <message>
        <source>&amp;Trust this key</source>
        <translation>信任此密钥(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Refuse</source>
        <translation>拒绝(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation>确定(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;MogHA runs on these nodes (it is stopped first and started again at the end)</source>
        <translation>这些节点上运行着 MogHA（先停止，最后重新启动）(&amp;M)</translation>
    </message>
    <message>
        <source>Order in which the nodes are touched:</source>
        <translation>各节点的操作顺序：</translation>
    </message>
    <message>
        <source>Order in which the nodes are touched</source>
        <translation>各节点的操作顺序</translation>
    </message>
    <message>
        <source>No nodes yet</source>
        <translation>尚无节点</translation>
    </message>
    <message>
        <source>upgrade (%1)</source>
        <translation>升级（%1）</translation>
    </message>
    <message>
        <source>switch back: %1 primary</source>
        <translation>切换回：%1 为主库</translation>
    </message>
    <message>
        <source>switchover: %1 primary</source>
        <translation>主备切换：%1 为主库</translation>
    </message>
    <message>
        <source>stop MogHA</source>
        <translation>停止 MogHA</translation>
    </message>
    <message>
        <source>start MogHA</source>
        <translation>启动 MogHA</translation>
    </message>
    <message>
        <source>stop the cluster</source>
        <translation>停止集群</translation>
    </message>
    <message>
        <source>start the cluster</source>
        <translation>启动集群</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>&amp;Discover</source>
        <translation>发现(&amp;D)</translation>
    </message>
    <message>
        <source>Fill in the other nodes from the selected node (the first if none is selected) with gs_om -t status --detail; OM installs only</source>
        <translation>通过选中节点（未选中时为第一个节点）上的 gs_om -t status --detail 填写其他节点；仅适用于 OM 安装</translation>
    </message>
    <message>
        <source>&amp;Test connections</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Check every node at once: reachable, host key, login, MogDB version and role</source>
        <translation>一次检查所有节点：是否可达、主机密钥、登录、MogDB 版本和角色</translation>
    </message>
    <message>
        <source>Connection &amp;results:</source>
        <translation>连接结果(&amp;R)：</translation>
    </message>
    <message>
        <source>Reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <source>Host key</source>
        <translation>主机密钥</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Asking the OM on %1 for the cluster&apos;s nodes...</source>
        <translation>正在向 %1 上的 OM 查询集群节点...</translation>
    </message>
    <message>
        <source>Replace the other rows?</source>
        <translation>替换其他行？</translation>
    </message>
    <message>
        <source>The OM on %1 lists %2 nodes. Discover replaces the other %3 row(s) of the table with them; the row of %1 stays as it is. Go on?</source>
        <translation>%1 上的 OM 列出了 %2 个节点。发现操作将用它们替换表格中的其他 %3 行；%1 所在行保持不变。是否继续？</translation>
    </message>
    <message>
        <source>Discovery done; the table was left as it was.</source>
        <translation>发现已完成；表格未做更改。</translation>
    </message>
    <message>
        <source>Found %1 nodes through the OM on %2: %3. %4</source>
        <translation>通过 %2 上的 OM 发现了 %1 个节点：%3。%4</translation>
    </message>
    <message>
        <source>Testing the connections to %1 node(s)...</source>
        <translation>正在测试与 %1 个节点的连接...</translation>
    </message>
    <message>
        <source>Every node (%1) was reached, logged in to and read.</source>
        <translation>所有节点（%1）均已成功连接、登录并读取。</translation>
    </message>
    <message>
        <source>%1 of %2 node(s) failed:</source>
        <translation>%2 个节点中有 %1 个失败：</translation>
    </message>
    <message>
        <source>not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>skipped: an identical copy is already there</source>
        <translation>已跳过：节点上已有相同的副本</translation>
    </message>
    <message>
        <source>resumed at %1, SHA-256 verified on the node</source>
        <translation>从 %1 处断点续传，已在节点上校验 SHA-256</translation>
    </message>
    <message>
        <source>sent, SHA-256 verified on the node</source>
        <translation>已发送，已在节点上校验 SHA-256</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>安装包</translation>
    </message>
    <message>
        <source>The MogDB 2.0.3 package: its version and its checksum are verified where the upgrade will read it.</source>
        <translation>MogDB 2.0.3 安装包：在升级读取它的位置验证其版本和校验和。</translation>
    </message>
    <message>
        <source>On &amp;this machine</source>
        <translation>在本机上(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Already on the nodes</source>
        <translation>已在各节点上(&amp;A)</translation>
    </message>
    <message>
        <source>Package &amp;file:</source>
        <translation>安装包文件(&amp;F)：</translation>
    </message>
    <message>
        <source>/path/MogDB-2.0.3-CentOS-x86_64.tar.gz</source>
        <translation>/path/MogDB-2.0.3-CentOS-x86_64.tar.gz</translation>
    </message>
    <message>
        <source>B&amp;rowse...</source>
        <translation>浏览(&amp;R)...</translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation>验证(&amp;V)</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>版本：</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <source>SHA-256:</source>
        <translation>SHA-256：</translation>
    </message>
    <message>
        <source>Path on the node</source>
        <translation>节点上的路径</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Upload result</source>
        <translation>上传结果</translation>
    </message>
    <message>
        <source>&amp;Upload to nodes</source>
        <translation>上传到各节点(&amp;U)</translation>
    </message>
    <message>
        <source>Sto&amp;p upload</source>
        <translation>停止上传(&amp;P)</translation>
    </message>
    <message>
        <source>Choose the MogDB 2.0.3 package</source>
        <translation>选择 MogDB 2.0.3 安装包</translation>
    </message>
    <message>
        <source>MogDB packages (MogDB-*.tar.gz);;All files (*)</source>
        <translation>MogDB 安装包 (MogDB-*.tar.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <source>checking...</source>
        <translation>检查中...</translation>
    </message>
    <message>
        <source>verified, SHA-256 %1</source>
        <translation>已验证，SHA-256 %1</translation>
    </message>
    <message>
        <source>copy on the node: SHA-256 %1</source>
        <translation>节点上的副本：SHA-256 %1</translation>
    </message>
    <message>
        <source>checked on this machine; not on the node yet</source>
        <translation>已在本机上检查；尚未传到节点</translation>
    </message>
    <message>
        <source>Upload to %1</source>
        <translation>上传到 %1</translation>
    </message>
    <message>
        <source>Transport local: the nodes are on this machine, so each node reads the file where it is and it is checked there, with the node&apos;s own environment.</source>
        <translation>本地传输（transport local）：各节点都在本机上，因此每个节点直接在文件所在位置读取它，并使用该节点自身的环境在该位置进行检查。</translation>
    </message>
    <message>
        <source>The file is checked on this machine. Upload it now to see every node&apos;s copy arrive, or let the run&apos;s first step upload it; either way each copy&apos;s SHA-256 is checked on its node.</source>
        <translation>该文件在本机上进行检查。可以现在上传，查看每个节点的副本上传情况；也可以由执行的第一步上传。无论哪种方式，每个副本的 SHA-256 都会在其所在节点上校验。</translation>
    </message>
    <message>
        <source>The same path on every node; the package is checked on each node over SSH.</source>
        <translation>每个节点上的路径相同；通过 SSH 在每个节点上检查安装包。</translation>
    </message>
    <message>
        <source>Verifying the package...</source>
        <translation>正在验证安装包...</translation>
    </message>
    <message>
        <source>Not verified yet: press Enter in the file field, or Verify.</source>
        <translation>尚未验证：请在文件输入框中按 Enter，或单击“验证”。</translation>
    </message>
    <message>
        <source>%1 (%L2 bytes)</source>
        <translation>%1（%L2 字节）</translation>
    </message>
    <message>
        <source>differs between the nodes (see the table)</source>
        <translation>各节点不一致（见表格）</translation>
    </message>
    <message>
        <source>Verified: %1</source>
        <translation>已验证：%1</translation>
    </message>
    <message>
        <source>The verification was cancelled: Verify to check again.</source>
        <translation>验证已取消：单击“验证”重新检查。</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message numerus="yes">
        <source>Uploading to %n node(s) in parallel...</source>
        <translation>
            <numerusform>正在并行上传到 %n 个节点...</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/s</translation>
    </message>
    <message numerus="yes">
        <source>%n s left</source>
        <translation>
            <numerusform>剩余 %n 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 done</source>
        <translation>%1 已完成</translation>
    </message>
    <message>
        <source>Upload stopped. A partial copy is resumed by the next upload.</source>
        <translation>上传已停止。下次上传时将从已传输的部分断点续传。</translation>
    </message>
    <message>
        <source>Every node holds an identical copy (SHA-256 checked on the node). The run&apos;s first step checks them again and sends nothing that is already there.</source>
        <translation>所有节点上都有相同的副本（已在节点上校验 SHA-256）。执行的第一步会再次检查，已存在的内容不会重复发送。</translation>
    </message>
    <message>
        <source>The upload failed on %1 (see the table). Upload again, or let the run&apos;s first step retry it.</source>
        <translation>%1 上传失败（见表格）。请重新上传，或由执行的第一步重试。</translation>
    </message>
    <message>
        <source>&amp;Save profile...</source>
        <translation>保存配置文件(&amp;S)...</translation>
    </message>
    <message>
        <source>Write the cluster profile (nodes, package, options; never a password) to a file to open it again later</source>
        <translation>将集群配置文件（节点、安装包、选项；绝不包含密码）写入文件，以便以后再次打开</translation>
    </message>
    <message>
        <source>Save the cluster profile</source>
        <translation>保存集群配置文件</translation>
    </message>
    <message>
        <source>Profile saved to %1</source>
        <translation>配置文件已保存到 %1</translation>
    </message>
    <message>
        <source>The profile could not be saved to %1: %2</source>
        <translation>无法将配置文件保存到 %1：%2</translation>
    </message>
    <message>
        <source>&amp;Retry step</source>
        <translation>重试步骤(&amp;R)</translation>
    </message>
    <message>
        <source>Roll &amp;back</source>
        <translation>回退(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Stop here</source>
        <translation>就此停止(&amp;S)</translation>
    </message>
    <message>
        <source>std&amp;err only</source>
        <translation>仅 stderr(&amp;E)</translation>
    </message>
    <message>
        <source>Roll back: the undo steps, most recent first</source>
        <translation>回退：执行回退步骤，最近的在前</translation>
    </message>
    <message>
        <source>already so</source>
        <translation>已是目标状态</translation>
    </message>
    <message>
        <source>Roll back?</source>
        <translation>要回退吗？</translation>
    </message>
    <message numerus="yes">
        <source>%n undo step(s) run now, most recent first, each checked like the upgrade&apos;s steps; a step whose effect is already gone is skipped. Every node goes back to MogDB %1.</source>
        <translation>
            <numerusform>现在将执行 %n 个回退步骤，最近的在前，每个步骤都像升级步骤一样进行检查；效果已不存在的步骤将被跳过。所有节点都将回到 MogDB %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>The way back could not start: %1</source>
        <translation>无法开始回退：%1</translation>
    </message>
    <message>
        <source>Runs step %1 &quot;%2&quot; on %3 again (fix its cause first), then the rest of the plan.</source>
        <translation>在 %3 上重新执行步骤 %1 &quot;%2&quot;（请先排除故障原因），然后执行升级计划的其余步骤。</translation>
    </message>
    <message numerus="yes">
        <source>Runs the way back: %n undo step(s), most recent first, each checked. Asks first.</source>
        <translation>
            <numerusform>执行回退路径：%n 个回退步骤，最近的在前，每步都会检查。执行前会先询问。</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to undo: no step that ran changed anything that can be taken back.</source>
        <translation>无需回退：已执行的步骤没有做出任何可回退的更改。</translation>
    </message>
    <message>
        <source>Runs nothing more: the cluster stays as it is now. The page then shows the command that rolls back later.</source>
        <translation>不再执行任何操作：集群保持当前状态。随后页面会显示以后进行回退所用的命令。</translation>
    </message>
    <message>
        <source>Rolling back. %1</source>
        <translation>正在回退。%1</translation>
    </message>
    <message>
        <source>Attempt %1: resumed at step %2; the steps before it are done.</source>
        <translation>第 %1 次尝试：从步骤 %2 继续；之前的步骤已完成。</translation>
    </message>
    <message>
        <source>Record of the way back: %1</source>
        <translation>回退的运行记录：%1</translation>
    </message>
    <message>
        <source>Choose: retry the step once its cause is fixed, roll back to MogDB %1, or stop here and keep this state.</source>
        <translation>请选择：排除故障原因后重试该步骤、回退到 MogDB %1，或就此停止并保持当前状态。</translation>
    </message>
    <message>
        <source>Stopped here: nothing more runs and the cluster stays as it is.</source>
        <translation>已就此停止：不再执行任何操作，集群保持当前状态。</translation>
    </message>
    <message>
        <source>The upgrade stopped at: %1 on node %2.</source>
        <translation>升级停止于：%1（节点 %2）。</translation>
    </message>
    <message>
        <source>The way back stopped at: %1 on node %2.</source>
        <translation>回退停止于：%1（节点 %2）。</translation>
    </message>
    <message>
        <source>State of each node (read when the last step ended; nothing ran since):</source>
        <translation>各节点状态（在最后一个步骤结束时读取；此后未执行任何操作）：</translation>
    </message>
    <message>
        <source>To roll back later, run on this machine:</source>
        <translation>如需以后回退，请在本机上执行：</translation>
    </message>
    <message>
        <source>You can close the wizard now.</source>
        <translation>现在可以关闭向导了。</translation>
    </message>
    <message>
        <source>Rolled back: every node runs MogDB %1 again (read from the nodes):</source>
        <translation>已回退：所有节点均重新运行 MogDB %1（从节点读取）：</translation>
    </message>
    <message>
        <source>The way back ran and each step was checked, but not every node reports MogDB %1 running:</source>
        <translation>回退已执行且每个步骤均已检查，但并非所有节点都报告正在运行 MogDB %1：</translation>
    </message>
    <message>
        <source>The upgrade was not applied, so the wizard does not go on to Verify. Close it with Cancel.</source>
        <translation>升级未生效，因此向导不会进入“验证”。请单击“取消”关闭向导。</translation>
    </message>
    <message>
        <source>The way back was cancelled: %1</source>
        <translation>回退已取消：%1</translation>
    </message>
    <message>
        <source>The way back failed: %1</source>
        <translation>回退失败：%1</translation>
    </message>
    <message>
        <source>New &amp;upgrade</source>
        <translation>新建升级(&amp;U)</translation>
    </message>
    <message>
        <source>Start with an empty profile and enter the cluster&apos;s nodes</source>
        <translation>从空白配置文件开始，填写集群的节点</translation>
    </message>
    <message>
        <source>choose the MogDB %1 release tarball as downloaded, without renaming it</source>
        <translation>请选择下载得到的 MogDB %1 原始发布包，不要重命名</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>集群</translation>
    </message>
    <message>
        <source>Na&amp;me:</source>
        <translation>名称(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Installed with:</source>
        <translation>安装方式(&amp;I)：</translation>
    </message>
    <message>
        <source>Database &amp;user:</source>
        <translation>数据库用户(&amp;U)：</translation>
    </message>
    <message>
        <source>Un&amp;pack into:</source>
        <translation>解压到(&amp;P)：</translation>
    </message>
    <message>
        <source>Unknown &amp;host keys:</source>
        <translation>未知主机密钥(&amp;H)：</translation>
    </message>
    <message>
        <source>&amp;known_hosts file:</source>
        <translation>known_hosts 文件(&amp;K)：</translation>
    </message>
    <message>
        <source>SSH to each node</source>
        <translation>通过 SSH 连接各节点</translation>
    </message>
    <message>
        <source>This machine (local commands)</source>
        <translation>本机（本地执行命令）</translation>
    </message>
    <message>
        <source>OM (gs_om)</source>
        <translation>OM 安装（gs_om）</translation>
    </message>
    <message>
        <source>Manual (gs_ctl only)</source>
        <translation>手工安装（仅 gs_ctl）</translation>
    </message>
    <message>
        <source>Show the fingerprint and ask</source>
        <translation>显示指纹并询问</translation>
    </message>
    <message>
        <source>Refuse (known_hosts must hold them)</source>
        <translation>拒绝（known_hosts 中必须已有）</translation>
    </message>
    <message>
        <source>Trust on first use</source>
        <translation>首次使用时信任</translation>
    </message>
    <message>
        <source>A name for this cluster; it names the run records and the saved profile</source>
        <translation>集群名称；运行记录和保存的配置文件都以它命名</translation>
    </message>
    <message>
        <source>The operating-system user that owns the database (runs gs_ctl, gs_om)</source>
        <translation>拥有数据库的操作系统用户（用它执行 gs_ctl、gs_om）</translation>
    </message>
    <message>
        <source>Where the 2.0.3 package is unpacked on every node before anything is stopped</source>
        <translation>在停止任何服务之前，2.0.3 安装包在每个节点上解压到的目录</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts (default)</source>
        <translation>~/.ssh/known_hosts（默认）</translation>
    </message>
    <message>
        <source>OpenSSH&apos;s known_hosts file the nodes&apos; host keys are checked against</source>
        <translation>用于核对各节点主机密钥的 OpenSSH known_hosts 文件</translation>
    </message>
    <message>
        <source>Choose: roll back again once the cause is fixed (it goes on from the step that failed), or stop here and keep this state.</source>
        <translation>请选择：排除原因后再次回退（从失败的步骤继续），或在此停止并保持当前状态。</translation>
    </message>
    <message>
        <source>Conn&amp;ection:</source>
        <translation>连接方式(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Add node</source>
        <translation>添加节点(&amp;A)</translation>
    </message>
    <message>
        <source>A new row below the selected one, as a standby; its SSH and path settings are copied</source>
        <translation>在所选行下方新增一行（备库），并复制其 SSH 和路径设置</translation>
    </message>
    <message>
        <source>Remo&amp;ve node</source>
        <translation>移除节点(&amp;V)</translation>
    </message>
    <message>
        <source>Remove the selected row from the profile (nothing on the node changes)</source>
        <translation>从配置文件中移除所选行（节点本身不做任何更改）</translation>
    </message>
    <message>
        <source>The cluster state could not be read from gs_om: %1</source>
        <translation>无法从 gs_om 读取集群状态：%1</translation>
    </message>
    <message>
        <source>gs_om reports the cluster as %1, not Normal.</source>
        <translation>gs_om 报告集群状态为 %1，不是 Normal。</translation>
    </message>
    <message>
        <source>Cluster state (gs_om -t status on %1): %2</source>
        <translation>集群状态（在 %1 上执行 gs_om -t status）：%2</translation>
    </message>
    <message>
        <source>Cluster state: not read (%1)</source>
        <translation>集群状态：未读取（%1）</translation>
    </message>
    <message>
        <source>Cluster state: from each node&apos;s gs_ctl query (a manual install has no gs_om).</source>
        <translation>集群状态：取自各节点的 gs_ctl query（手工安装没有 gs_om）。</translation>
    </message>
    <message>
        <source>Roles taken from the nodes: %1 is the primary.</source>
        <translation>角色已按节点实际情况设置：%1 是主库。</translation>
    </message>
    <message>
        <source>Roles taken from the nodes: %1 is the primary now (the profile said %2).</source>
        <translation>角色已按节点实际情况设置：%1 现在是主库（配置文件中为 %2）。</translation>
    </message>
    <message>
        <source>Login</source>
        <comment>connection test result: did the login succeed</comment>
        <translation>登录</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a login method.</source>
        <translation>“%1”不是有效的登录方式。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a way to run as the database user.</source>
        <translation>“%1”不是切换为数据库用户的有效方式。</translation>
    </message>
    <message>
        <source>Run as db user</source>
        <translation>切换为数据库用户</translation>
    </message>
    <message>
        <source>replay location %1 or sent location %2 not readable</source>
        <translation>无法读取回放位置 %1 或发送位置 %2</translation>
    </message>
    <message>
        <source>catching up: replayed %1 of %2, %3 bytes behind (at most %4 allowed)</source>
        <translation>正在追赶主库：已回放到 %1，主库已发送到 %2，落后 %3 字节（最多允许 %4）</translation>
    </message>
    <message>
        <source>streaming from the primary, replayed %1, %2 bytes behind what it sent</source>
        <translation>正在从主库接收流复制，已回放到 %1，比主库已发送的落后 %2 字节</translation>
    </message>
    <message>
        <source>%1 (stderr: %2)</source>
        <translation>%1（stderr：%2）</translation>
    </message>
    <message>
        <source>%1: no usable gs_om on the PATH that %2 sets (the node said: %3). %4</source>
        <translation>%1：在 %2 设置的 PATH 中没有可用的 gs_om（节点输出：%3）。%4</translation>
    </message>
    <message>
        <source>the login shell</source>
        <translation>登录 shell</translation>
    </message>
    <message>
        <source>%1: gs_om reads the cluster&apos;s nodes, data directories and ports from it</source>
        <translation>%1：gs_om 从中读取集群的节点、数据目录和端口</translation>
    </message>
    <message>
        <source>%1: gs_om reads it beside cluster_static_config to know that file&apos;s format; without it every gs_om command fails (GAUSS-50201)</source>
        <translation>%1：gs_om 在 cluster_static_config 旁读取它以确定该文件的格式；缺少它时所有 gs_om 命令都会失败（GAUSS-50201）</translation>
    </message>
    <message>
        <source>%1 (if present): the roles the last refreshconf recorded; gs_om -t start starts each node with them, not with the install-time roles</source>
        <translation>%1（如存在）：最近一次 refreshconf 记录的角色；gs_om -t start 按这些角色启动各节点，而不是按安装时的角色</translation>
    </message>
    <message>
        <source>%1 (if present): the per-node roles refreshconf writes beside the dynamic configuration</source>
        <translation>%1（如存在）：refreshconf 在动态配置旁写入的各节点角色</translation>
    </message>
    <message>
        <source>%1 (if present): gs_install set this cluster&apos;s alarm_component in it; the package&apos;s copy only has the default</source>
        <translation>%1（如存在）：gs_install 在其中设置了本集群的 alarm_component；安装包中的副本只有默认值</translation>
    </message>
    <message>
        <source>%1/ (if present): the copy of the OM scripts gs_install put into bin/; the OM&apos;s upgrade and backup tools read the cluster layout code from it</source>
        <translation>%1/（如存在）：gs_install 放入 bin/ 的 OM 脚本副本；OM 的升级和备份工具从中读取集群布局代码</translation>
    </message>
    <message>
        <source>%1 (if present): the logical cluster name the OM keeps</source>
        <translation>%1（如存在）：OM 保存的逻辑集群名称</translation>
    </message>
    <message>
        <source>%1 (if present): this node&apos;s own encryption key, as gs_upgradectl carries it over; what was encrypted with it stays readable</source>
        <translation>%1（如存在）：本节点自己的加密密钥，gs_upgradectl 同样会保留；用它加密的内容仍可读取</translation>
    </message>
    <message>
        <source>%1 (if present): the random part of this node&apos;s server key</source>
        <translation>%1（如存在）：本节点服务器密钥的随机部分</translation>
    </message>
    <message>
        <source>%1 (if present): this node&apos;s data source key (gs_upgradectl keeps it too)</source>
        <translation>%1（如存在）：本节点的数据源密钥（gs_upgradectl 也会保留）</translation>
    </message>
    <message>
        <source>%1 (if present): the random part of this node&apos;s data source key</source>
        <translation>%1（如存在）：本节点数据源密钥的随机部分</translation>
    </message>
    <message>
        <source>the environment check printed nothing readable (the login shell or the switch to %1 failed before it ran)</source>
        <translation>环境检查没有输出可读取的内容（登录 shell 或切换到 %1 在检查运行前就失败了）</translation>
    </message>
    <message>
        <source>log in to %1 and run `su - %2` (or the profile&apos;s run-as method) by hand to see why</source>
        <translation>登录 %1，手工执行 `su - %2`（或配置文件中的切换用户方式）查看原因</translation>
    </message>
    <message>
        <source>the env file %1 does not exist</source>
        <translation>环境变量文件 %1 不存在</translation>
    </message>
    <message>
        <source>set env_file of %1 to the file that exports GAUSSHOME, PGDATA and PATH for %2 (on OM installs the one gs_preinstall wrote, often /home/%2/.bashrc)</source>
        <translation>将 %1 的 env_file 设为为 %2 导出 GAUSSHOME、PGDATA 和 PATH 的文件（OM 安装时为 gs_preinstall 写入的文件，通常是 /home/%2/.bashrc）</translation>
    </message>
    <message>
        <source>permission denied: %1 cannot read the env file %2</source>
        <translation>权限不足：%1 无法读取环境变量文件 %2</translation>
    </message>
    <message>
        <source>let %1 read it (owner and mode of %2), or check the run-as setting of %3</source>
        <translation>让 %1 可以读取它（检查 %2 的属主和权限），或检查 %3 的切换用户设置</translation>
    </message>
    <message>
        <source>GAUSSHOME %1 does not exist</source>
        <translation>GAUSSHOME %1 不存在</translation>
    </message>
    <message>
        <source>set gausshome of %1 to the app directory that holds bin/ and lib/</source>
        <translation>将 %1 的 gausshome 设为包含 bin/ 和 lib/ 的 app 目录</translation>
    </message>
    <message>
        <source>tool not found: %1/bin/gs_ctl</source>
        <translation>找不到工具：%1/bin/gs_ctl</translation>
    </message>
    <message>
        <source>check gausshome of %1 (it must hold bin/gs_ctl), or look for a half-finished bin/ swap (bin_201 next to it)</source>
        <translation>检查 %1 的 gausshome（其中必须有 bin/gs_ctl），或检查是否有未完成的 bin/ 替换（旁边有 bin_201）</translation>
    </message>
    <message>
        <source>permission denied: %1 cannot run %2/bin/gs_ctl</source>
        <translation>权限不足：%1 无法运行 %2/bin/gs_ctl</translation>
    </message>
    <message>
        <source>check the owner and mode of %1/bin (it belongs to %2)</source>
        <translation>检查 %1/bin 的属主和权限（应属于 %2）</translation>
    </message>
    <message>
        <source>the data directory %1 does not exist</source>
        <translation>数据目录 %1 不存在</translation>
    </message>
    <message>
        <source>set pgdata of %1 to the node&apos;s data directory (gs_ctl query shows it as datadir)</source>
        <translation>将 %1 的 pgdata 设为该节点的数据目录（gs_ctl query 中显示为 datadir）</translation>
    </message>
    <message>
        <source>permission denied: %1 cannot open the data directory %2</source>
        <translation>权限不足：%1 无法打开数据目录 %2</translation>
    </message>
    <message>
        <source>check the owner and mode of %1 (it belongs to %2), or the run-as setting of %3</source>
        <translation>检查 %1 的属主和权限（应属于 %2），或 %3 的切换用户设置</translation>
    </message>
    <message>
        <source>check the host, the SSH port and the login of that node</source>
        <translation>检查该节点的主机地址、SSH 端口和登录</translation>
    </message>
    <message>
        <source>run gs_ctl query -D PGDATA on that node as the database user and compare its output with the message</source>
        <translation>在该节点上以数据库用户执行 gs_ctl query -D PGDATA，并将输出与此消息对照</translation>
    </message>
    <message>
        <source>not read: %1</source>
        <translation>未能读取：%1</translation>
    </message>
    <message>
        <source>the version could not be read (%1)</source>
        <translation>无法读取版本（%1）</translation>
    </message>
    <message>
        <source>no output</source>
        <translation>无输出</translation>
    </message>
    <message>
        <source>check that %1/bin/gaussdb -V works on the node as %2</source>
        <translation>检查该节点上 %2 能否执行 %1/bin/gaussdb -V</translation>
    </message>
    <message>
        <source>the database is down on %1 (gs_ctl query: no server running; its env file, binaries and data directory were found)</source>
        <translation>%1 上的数据库已停止（gs_ctl query：no server running；其环境变量文件、程序和数据目录均已找到）</translation>
    </message>
    <message>
        <source>start it as it was (gs_ctl start -D PGDATA -M standby, or primary), wait until it streams, then check again</source>
        <translation>按原角色启动它（gs_ctl start -D PGDATA -M standby 或 primary），等待其开始流复制后重新检查</translation>
    </message>
    <message>
        <source>repair the node (gs_ctl query shows why; gs_ctl build for a standby that needs repair) before upgrading</source>
        <translation>升级前先修复该节点（gs_ctl query 会显示原因；需要修复的备库执行 gs_ctl build）</translation>
    </message>
    <message>
        <source>not read on %1 (see the checks above for the cause)</source>
        <translation>未能读取 %1（原因见上面的检查项）</translation>
    </message>
    <message>
        <source>fix what the checks above name, then check again; nothing is known about the database there yet</source>
        <translation>先修正上面检查项指出的问题再重新检查；目前还不了解那里数据库的状态</translation>
    </message>
    <message>
        <source>%1: env file, GAUSSHOME, gs_ctl and PGDATA usable by %2</source>
        <translation>%1：环境变量文件、GAUSSHOME、gs_ctl 和 PGDATA 可供 %2 使用</translation>
    </message>
    <message>
        <source>no env file in the profile; the rest found</source>
        <translation>配置文件中没有环境变量文件；其余均已找到</translation>
    </message>
    <message>
        <source>all found</source>
        <translation>均已找到</translation>
    </message>
    <message>
        <source>%1: gs_om on the PATH the env file sets</source>
        <translation>%1：gs_om 位于环境变量文件设置的 PATH 中</translation>
    </message>
    <message>
        <source>gs_om is not found on the PATH after sourcing %1 (OM installs keep it in $GPHOME/script, not in GAUSSHOME/bin)</source>
        <translation>加载 %1 后在 PATH 中找不到 gs_om（OM 安装将其放在 $GPHOME/script 中，而不是 GAUSSHOME/bin）</translation>
    </message>
    <message>
        <source>no env file</source>
        <translation>无环境变量文件</translation>
    </message>
    <message>
        <source>set env_file of %1 to the file gs_preinstall wrote for %2 (it exports GPHOME and puts $GPHOME/script on PATH), or set install_method to manual if this cluster was installed without the OM</source>
        <translation>将 %1 的 env_file 设为 gs_preinstall 为 %2 写入的文件（它导出 GPHOME 并把 $GPHOME/script 加入 PATH）；如果该集群不是用 OM 安装的，请将 install_method 设为 manual</translation>
    </message>
    <message>
        <source>%1: no bin_%2 / lib_%2 left from an earlier attempt</source>
        <translation>%1：没有以前尝试遗留的 bin_%2 / lib_%2</translation>
    </message>
    <message>
        <source>found %1 (bin/ is MogDB %2 now)</source>
        <translation>发现 %1（bin/ 当前为 MogDB %2）</translation>
    </message>
    <message>
        <source>of an unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>if an earlier MogUp run left it, finish it or run its way back (mogup-cli undo --run-dir …); if it is a stale copy and bin/ and lib/ are complete, move it out of the way (mv %1 %1.old) and check again</source>
        <translation>如果是以前的 MogUp 运行留下的，请完成该次运行或执行其回退（mogup-cli undo --run-dir …）；如果是过时的副本且 bin/ 和 lib/ 完整，请将其移开（mv %1 %1.old）后重新检查</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Rolling mode keeps commits going while a standby is down</source>
        <translation>滚动模式下备库停止期间提交不受阻塞</translation>
    </message>
    <message>
        <source>offline mode stops the whole cluster; synchronous replication does not matter</source>
        <translation>停机模式会停止整个集群；同步复制无关紧要</translation>
    </message>
    <message>
        <source>the replication settings of %1 could not be read (show synchronous_standby_names, most_available_sync, synchronous_commit)</source>
        <translation>无法读取 %1 的复制设置（show synchronous_standby_names、most_available_sync、synchronous_commit）</translation>
    </message>
    <message>
        <source>read them by hand with gsql on %1 before a rolling upgrade</source>
        <translation>滚动升级前请在 %1 上用 gsql 手工读取这些设置</translation>
    </message>
    <message>
        <source>synchronous_standby_names = &apos;%1&apos;, most_available_sync = %2, synchronous_commit = %3, %4 standby(s)</source>
        <translation>synchronous_standby_names = &apos;%1&apos;，most_available_sync = %2，synchronous_commit = %3，%4 个备库</translation>
    </message>
    <message>
        <source>%1. While rolling mode stops a standby, %2 has %3 other standby(s) that can confirm a commit but synchronous_standby_names asks for %4, and most_available_sync is off: every commit on %2 waits until that standby is back. That is an outage of the whole upgrade window, not only the switchover.</source>
        <translation>%1。滚动模式停止一个备库时，%2 只有 %3 个其他备库可以确认提交，而 synchronous_standby_names 要求 %4 个，且 most_available_sync 为 off：%2 上的每个提交都要等到该备库恢复。这会使整个升级窗口期间都无法提交，而不仅仅是主备切换的那几秒。</translation>
    </message>
    <message>
        <source>either turn most_available_sync on for the window (gs_guc reload -N all -I all -c &quot;most_available_sync=on&quot;, and back to off afterwards), or use offline mode</source>
        <translation>在升级窗口内打开 most_available_sync（gs_guc reload -N all -I all -c &quot;most_available_sync=on&quot;，之后改回 off），或改用停机模式</translation>
    </message>
    <message>
        <source>must be a whole number of bytes from 0 to 1 TiB.</source>
        <translation>必须是 0 到 1 TiB 之间的整数字节数。</translation>
    </message>
    <message>
        <source>e.g. 16777216 (16 MiB, one WAL segment); 0 waits for an exact match, which a standby under write load never shows.</source>
        <translation>例如 16777216（16 MiB，一个 WAL 段）；0 表示等待完全一致，而有写入负载的备库永远不会出现这种情况。</translation>
    </message>
    <message>
        <source>nothing to undo, not run: the step it takes back left nothing here (%1)</source>
        <translation>无需回退，未执行：它要撤销的步骤在这里没有留下任何改动（%1）</translation>
    </message>
    <message>
        <source>cannot tell whether there is anything to undo, not run: %1</source>
        <translation>无法判断是否需要回退，未执行：%1</translation>
    </message>
    <message>
        <source>no answer from the node</source>
        <translation>节点没有应答</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>offline or rolling (adds the checks of that mode)</source>
        <translation>offline 或 rolling（增加该模式的检查）</translation>
    </message>
    <message>
        <source>%1 is not a MogUp memory samples file (its first line is not &quot;%2&quot;)</source>
        <translation>%1 不是 MogUp 内存采样文件（其第一行不是 &quot;%2&quot;）</translation>
    </message>
    <message>
        <source>%1: the memory sample failed: %2</source>
        <translation>%1：内存采样失败：%2</translation>
    </message>
    <message>
        <source>the command could not be started</source>
        <translation>无法启动命令</translation>
    </message>
    <message>
        <source>gsql was ended by signal %1</source>
        <translation>gsql 被信号 %1 终止</translation>
    </message>
    <message>
        <source>gsql exited with code %1</source>
        <translation>gsql 的退出码为 %1</translation>
    </message>
    <message>
        <source>gsql printed no role</source>
        <translation>gsql 没有输出角色</translation>
    </message>
    <message>
        <source>unexpected memory row: %1</source>
        <translation>意外的内存数据行：%1</translation>
    </message>
    <message>
        <source>the memory sampler is already writing %1</source>
        <translation>内存采样器已在写入 %1</translation>
    </message>
    <message>
        <source>the profile has no nodes to sample</source>
        <translation>配置文件中没有可采样的节点</translation>
    </message>
    <message>
        <source>%1 is not a MogUp memory samples file (its first line is not &quot;%2&quot;); choose another file</source>
        <translation>%1 不是 MogUp 内存采样文件（其第一行不是 &quot;%2&quot;）；请选择其他文件</translation>
    </message>
    <message>
        <source>too few samples</source>
        <translation>样本太少</translation>
    </message>
    <message>
        <source>grew %1 over %2</source>
        <translation>增长 %1（历时 %2）</translation>
    </message>
    <message>
        <source>flat (%1 over %2)</source>
        <translation>平稳（%1，历时 %2）</translation>
    </message>
    <message>
        <source>not conclusive yet (%1 over %2)</source>
        <translation>尚无定论（%1，历时 %2）</translation>
    </message>
    <message>
        <source>%1 ± %2 %3/h</source>
        <translation>%1 ± %2 %3/h</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 before, %2 after: leak fixed</source>
        <translation>升级前 %1，升级后 %2：泄漏已修复</translation>
    </message>
    <message>
        <source>%1 before, %2 after: still growing after the upgrade, leak not fixed</source>
        <translation>升级前 %1，升级后 %2：升级后仍在增长，泄漏未修复</translation>
    </message>
    <message>
        <source>%1 before, %2 after: no growth before the upgrade (e.g. no standby archiving, archive_mode off), so the upgrade cannot be shown to fix anything</source>
        <translation>升级前 %1，升级后 %2：升级前没有增长（例如备库未归档、archive_mode 为 off），因此无法证明升级修复了任何问题</translation>
    </message>
    <message>
        <source>%1: growing</source>
        <translation>%1：正在增长</translation>
    </message>
    <message>
        <source>%1: no growth</source>
        <translation>%1：没有增长</translation>
    </message>
    <message>
        <source>%1: not enough data yet, keep sampling for about %2</source>
        <translation>%1：数据尚不足，请继续采样约 %2</translation>
    </message>
    <message>
        <source>%1 before, %2 after: not enough data yet, keep sampling after the upgrade for about %3</source>
        <translation>升级前 %1，升级后 %2：数据尚不足，请在升级后继续采样约 %3</translation>
    </message>
    <message>
        <source>%1 before, %2 after: not enough data before the upgrade, it needed about %3 more</source>
        <translation>升级前 %1，升级后 %2：升级前的数据不足，还需要再采样约 %3</translation>
    </message>
    <message>
        <source>No node could be read.</source>
        <translation>无法读取任何节点。</translation>
    </message>
    <message>
        <source>an unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>%1 (sandbox time: it runs %2 times faster than a real cluster&apos;s)</source>
        <translation>%1（沙箱时间：沙箱的运行速度是真实集群的 %2 倍）</translation>
    </message>
    <message>
        <source>The memory sampler could not start: %1</source>
        <translation>内存采样器无法启动：%1</translation>
    </message>
    <message>
        <source>The availability probe could not start: %1</source>
        <translation>可用性探测无法启动：%1</translation>
    </message>
    <message>
        <source>%1 %2 s</source>
        <translation>%1 %2 秒</translation>
    </message>
    <message numerus="yes">
        <source>Measured downtime: the cluster had no primary answering for %1 s in %n outage(s); each node&apos;s database port was closed for: %2.</source>
        <translation>
            <numerusform>实测停机时间：集群共有 %1 秒没有可响应的主库，共中断 %n 次；各节点数据库端口的关闭时长：%2。</numerusform>
        </translation>
    </message>
    <message>
        <source>cancelled during the baseline, before any step ran: nothing was changed</source>
        <translation>在基线采样期间已取消，尚未执行任何步骤：未做任何更改</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>%1 毫秒内无响应</translation>
    </message>
    <message>
        <source>The availability probe is already running.</source>
        <translation>可用性探测已在运行。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an availability record: its first line is not &quot;%2&quot;.</source>
        <translation>%1 不是可用性记录：其第一行不是 &quot;%2&quot;。</translation>
    </message>
    <message>
        <source>%1, line %2: not a probe row: %3</source>
        <translation>%1，第 %2 行：不是探测数据行：%3</translation>
    </message>
    <message>
        <source>no answer to select 1</source>
        <translation>select 1 无响应</translation>
    </message>
    <message>
        <source>select 1 answered, role not read</source>
        <translation>select 1 已响应，但未读取到角色</translation>
    </message>
    <message>
        <source>Baseline: sampling the walsender memory on MogDB %1 for %2 s before anything changes, to compare the new version with. Nothing has been changed yet.</source>
        <translation>基线：在做任何更改之前，先在 MogDB %1 上对 walsender 内存采样 %2 秒，用于与新版本对比。目前尚未做任何更改。</translation>
    </message>
    <message>
        <source>no sample: %1</source>
        <translation>未采到样本：%1</translation>
    </message>
    <message>
        <source>no walsender</source>
        <translation>没有 walsender</translation>
    </message>
    <message>
        <source>in use %1 bytes (%2), total %3 bytes (%4)</source>
        <translation>已用 %1 字节（%2），共 %3 字节（%4）</translation>
    </message>
    <message>
        <source>Usage: mogup-cli COMMAND [OPTIONS]

Commands:
  demo init DIR [--nodes N] [--install om|manual] [--no-mogha] [--speed X]
                      build a sandbox MogDB 2.0.1 cluster in DIR and write DIR/profile.json
  demo stop DIR       end every process of that sandbox
  plan --profile P --mode offline|rolling [--no-switch-back] [--json]
                      print the exact plan without changing anything
  upgrade --profile P --mode offline|rolling [--yes] [--accept-warnings] [--run-dir D]
          [--no-switch-back] [--baseline SECONDS]
                      show the plan, ask, run it with a live log, verify
  undo --run-dir D [--yes]
                      take the cluster back along the way back of the run recorded in D
  precheck --profile P [--mode offline|rolling] [--json]
                      the read-only checks made before an upgrade (exit 1 if one fails)
  monitor --profile P [--interval S] [--duration S] [--run-dir D] [--json]
                      sample the walsender memory and judge the leak (with --run-dir of an
                      upgrade: before against after)
  status --profile P [--json]
                      each node&apos;s role, state, version, running

Exit codes: 0 success, 1 the operation failed, 2 bad usage or profile.
</source>
        <translation>用法：mogup-cli COMMAND [OPTIONS]

命令：
  demo init DIR [--nodes N] [--install om|manual] [--no-mogha] [--speed X]
                      在 DIR 中构建一个沙箱 MogDB 2.0.1 集群，并写入 DIR/profile.json
  demo stop DIR       结束该沙箱的所有进程
  plan --profile P --mode offline|rolling [--no-switch-back] [--json]
                      输出确切的升级计划，不做任何更改
  upgrade --profile P --mode offline|rolling [--yes] [--accept-warnings] [--run-dir D]
          [--no-switch-back] [--baseline SECONDS]
                      显示升级计划，确认后执行并实时输出日志，最后验证结果
  undo --run-dir D [--yes]
                      按 D 中记录的那次运行的回退路径，将集群恢复原状
  precheck --profile P [--mode offline|rolling] [--json]
                      升级前的只读检查（有任何一项失败则退出码为 1）
  monitor --profile P [--interval S] [--duration S] [--run-dir D] [--json]
                      对 walsender 内存采样并判断是否存在泄漏（指定某次升级的
                      --run-dir 时：对比升级前后）
  status --profile P [--json]
                      显示每个节点的角色、状态、版本及是否运行

退出码：0 成功，1 操作失败，2 用法或配置文件有误。
</translation>
    </message>
    <message>
        <source>seconds of walsender memory sampling before anything changes (default: 60, a sandbox 60 / speed but at least 10)</source>
        <translation>在做任何更改之前对 walsender 内存采样的秒数（默认 60；沙箱为 60 / speed，但至少 10）</translation>
    </message>
    <message>
        <source>mogup-cli upgrade: --baseline must be a number of seconds from 0 to 86400 (got &quot;%1&quot;).</source>
        <translation>mogup-cli upgrade：--baseline 必须是 0 到 86400 之间的秒数（实际为 &quot;%1&quot;）。</translation>
    </message>
    <message>
        <source>Baseline: sampling the walsender memory for %1 s before anything changes (--baseline)...</source>
        <translation>基线：在做任何更改之前，先对 walsender 内存采样 %1 秒（--baseline）...</translation>
    </message>
    <message>
        <source>To run it: %1</source>
        <translation>执行回退的命令：%1</translation>
    </message>
    <message>
        <source>Verifying: reading every node again...</source>
        <translation>正在验证：重新读取每个节点...</translation>
    </message>
    <message>
        <source>UPGRADE NOT VERIFIED: %1</source>
        <translation>升级未通过验证：%1</translation>
    </message>
    <message>
        <source>The full record is in %1.</source>
        <translation>完整记录见 %1。</translation>
    </message>
    <message>
        <source>Walsender memory so far: %1</source>
        <translation>目前的 walsender 内存情况：%1</translation>
    </message>
    <message>
        <source>To go on watching it: %1</source>
        <translation>如需继续观察：%1</translation>
    </message>
    <message>
        <source>UPGRADE COMPLETE: %1 Record: %2</source>
        <translation>升级完成：%1运行记录：%2</translation>
    </message>
    <message>
        <source>cluster profile (default with --run-dir: the run&apos;s own profile.json)</source>
        <translation>集群配置文件（指定 --run-dir 时默认为该次运行自己的 profile.json）</translation>
    </message>
    <message>
        <source>seconds between samples (default 5; a sandbox 5 / speed, at least 1)</source>
        <translation>采样间隔秒数（默认 5；沙箱为 5 / speed，至少 1）</translation>
    </message>
    <message>
        <source>seconds to sample (default 60; 0: until Ctrl-C)</source>
        <translation>采样时长秒数（默认 60；0 表示一直采样到按下 Ctrl-C）</translation>
    </message>
    <message>
        <source>the run directory of an upgrade: its samples.csv is continued, so the verdict compares before and after</source>
        <translation>一次升级的运行记录目录：在其 samples.csv 中继续追加，以便结论对比升级前后</translation>
    </message>
    <message>
        <source>print the samples and the verdict as JSON at the end</source>
        <translation>结束时以 JSON 格式输出样本和结论</translation>
    </message>
    <message>
        <source>mogup-cli monitor: --interval must be a number of seconds from 0.1 to 3600.</source>
        <translation>mogup-cli monitor：--interval 必须是 0.1 到 3600 之间的秒数。</translation>
    </message>
    <message>
        <source>mogup-cli monitor: --duration must be a number of seconds (0: until Ctrl-C).</source>
        <translation>mogup-cli monitor：--duration 必须是秒数（0 表示一直采样到按下 Ctrl-C）。</translation>
    </message>
    <message>
        <source>mogup-cli monitor: cannot create %1.</source>
        <translation>mogup-cli monitor：无法创建 %1。</translation>
    </message>
    <message>
        <source>Sampling the walsender memory of every node every %1 s%2 into %3 (phase &quot;%4&quot;); Ctrl-C ends it.</source>
        <translation>每 %1 秒对每个节点的 walsender 内存采样一次%2，写入 %3（阶段 &quot;%4&quot;）；按 Ctrl-C 结束。</translation>
    </message>
    <message>
        <source> for %1 s</source>
        <translation>，共 %1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) taken (%1 failed), every one kept in %2.</source>
        <translation>
            <numerusform>已采集 %n 个样本（%1 个失败），全部保存在 %2 中。</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict: %1</source>
        <translation>结论：%1</translation>
    </message>
    <message>
        <source>mogup-cli monitor: no sample worked; see the reasons above and in %1.</source>
        <translation>mogup-cli monitor：所有采样均失败；原因见上文及 %1。</translation>
    </message>
</context>
</TS>
