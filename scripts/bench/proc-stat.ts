// Parsers for /proc/<pid>/stat, /proc/<pid>/status and the children list (proc(5)).

/** utime + stime, in clock ticks. The command name may hold spaces and parentheses, so fields are counted after the last ')'. */
export function cpuTicks(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // after the name, field 3 (state) is index 0, so utime (14) and stime (15) are 11 and 12
  return Number(fields[11]) + Number(fields[12]);
}

/** Resident set size in bytes from VmRSS; 0 when the process has none (a zombie). */
export function rssBytes(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) * 1024 : 0;
}

export function childPids(children: string): number[] {
  return children
    .trim()
    .split(/\s+/)
    .filter((s) => s !== '')
    .map(Number);
}
