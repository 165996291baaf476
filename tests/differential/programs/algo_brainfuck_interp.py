# A tiny Brainfuck interpreter (bytearray tape, dict jump table, tight while loop).

def run(prog, inp=b""):
    jumps = {}
    stack = []
    for i, c in enumerate(prog):
        if c == "[":
            stack.append(i)
        elif c == "]":
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    tape = bytearray(300)
    ptr = pc = ip = 0
    out = []
    steps = 0
    while pc < len(prog):
        c = prog[pc]
        if c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) & 255
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) & 255
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = inp[ip] if ip < len(inp) else 0
            ip += 1
        elif c == "[" and not tape[ptr]:
            pc = jumps[pc]
        elif c == "]" and tape[ptr]:
            pc = jumps[pc]
        pc += 1
        steps += 1
    return "".join(out), steps

hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(hello))
rev = ">,[>,]<[.<]"
print(run(rev, b"stressed"))
add = ",>,[<+>-]<------------------------------------------------."
print(run(add, b"34"))
digits = "++++++++[>++++++<-]>" + "[<+>-]<" + "++++++++++[>+>+<<-]>>[<<+>>-]<[<.+>-]"
print(run(digits))
nested = "+++[>+++[>+++<-]<-]>>[>+>+<<-]>>[<<+>>-]<[-]<."
print(run(nested))
