# EXTENDED_ARG: a function with more than 256 constants and more than 256 locals, and
# jumps over more than 512 bytes of bytecode (forward and backward).

def many_constants():
    out = []
    out.append(0.5)
    out.append(7.5)
    out.append(14.5)
    out.append(21.5)
    out.append(28.5)
    out.append(35.5)
    out.append(42.5)
    out.append(49.5)
    out.append(56.5)
    out.append(63.5)
    out.append(70.5)
    out.append(77.5)
    out.append(84.5)
    out.append(91.5)
    out.append(98.5)
    out.append(105.5)
    out.append(112.5)
    out.append(119.5)
    out.append(126.5)
    out.append(133.5)
    out.append(140.5)
    out.append(147.5)
    out.append(154.5)
    out.append(161.5)
    out.append(168.5)
    out.append(175.5)
    out.append(182.5)
    out.append(189.5)
    out.append(196.5)
    out.append(203.5)
    out.append(210.5)
    out.append(217.5)
    out.append(224.5)
    out.append(231.5)
    out.append(238.5)
    out.append(245.5)
    out.append(252.5)
    out.append(259.5)
    out.append(266.5)
    out.append(273.5)
    out.append(280.5)
    out.append(287.5)
    out.append(294.5)
    out.append(301.5)
    out.append(308.5)
    out.append(315.5)
    out.append(322.5)
    out.append(329.5)
    out.append(336.5)
    out.append(343.5)
    out.append(350.5)
    out.append(357.5)
    out.append(364.5)
    out.append(371.5)
    out.append(378.5)
    out.append(385.5)
    out.append(392.5)
    out.append(399.5)
    out.append(406.5)
    out.append(413.5)
    out.append(420.5)
    out.append(427.5)
    out.append(434.5)
    out.append(441.5)
    out.append(448.5)
    out.append(455.5)
    out.append(462.5)
    out.append(469.5)
    out.append(476.5)
    out.append(483.5)
    out.append(490.5)
    out.append(497.5)
    out.append(504.5)
    out.append(511.5)
    out.append(518.5)
    out.append(525.5)
    out.append(532.5)
    out.append(539.5)
    out.append(546.5)
    out.append(553.5)
    out.append(560.5)
    out.append(567.5)
    out.append(574.5)
    out.append(581.5)
    out.append(588.5)
    out.append(595.5)
    out.append(602.5)
    out.append(609.5)
    out.append(616.5)
    out.append(623.5)
    out.append(630.5)
    out.append(637.5)
    out.append(644.5)
    out.append(651.5)
    out.append(658.5)
    out.append(665.5)
    out.append(672.5)
    out.append(679.5)
    out.append(686.5)
    out.append(693.5)
    out.append(700.5)
    out.append(707.5)
    out.append(714.5)
    out.append(721.5)
    out.append(728.5)
    out.append(735.5)
    out.append(742.5)
    out.append(749.5)
    out.append(756.5)
    out.append(763.5)
    out.append(770.5)
    out.append(777.5)
    out.append(784.5)
    out.append(791.5)
    out.append(798.5)
    out.append(805.5)
    out.append(812.5)
    out.append(819.5)
    out.append(826.5)
    out.append(833.5)
    out.append(840.5)
    out.append(847.5)
    out.append(854.5)
    out.append(861.5)
    out.append(868.5)
    out.append(875.5)
    out.append(882.5)
    out.append(889.5)
    out.append(896.5)
    out.append(903.5)
    out.append(910.5)
    out.append(917.5)
    out.append(924.5)
    out.append(931.5)
    out.append(938.5)
    out.append(945.5)
    out.append(952.5)
    out.append(959.5)
    out.append(966.5)
    out.append(973.5)
    out.append(980.5)
    out.append(987.5)
    out.append(994.5)
    out.append(1001.5)
    out.append(1008.5)
    out.append(1015.5)
    out.append(1022.5)
    out.append(1029.5)
    out.append(1036.5)
    out.append(1043.5)
    out.append(1050.5)
    out.append(1057.5)
    out.append(1064.5)
    out.append(1071.5)
    out.append(1078.5)
    out.append(1085.5)
    out.append(1092.5)
    out.append(1099.5)
    out.append(1106.5)
    out.append(1113.5)
    out.append(1120.5)
    out.append(1127.5)
    out.append(1134.5)
    out.append(1141.5)
    out.append(1148.5)
    out.append(1155.5)
    out.append(1162.5)
    out.append(1169.5)
    out.append(1176.5)
    out.append(1183.5)
    out.append(1190.5)
    out.append(1197.5)
    out.append(1204.5)
    out.append(1211.5)
    out.append(1218.5)
    out.append(1225.5)
    out.append(1232.5)
    out.append(1239.5)
    out.append(1246.5)
    out.append(1253.5)
    out.append(1260.5)
    out.append(1267.5)
    out.append(1274.5)
    out.append(1281.5)
    out.append(1288.5)
    out.append(1295.5)
    out.append(1302.5)
    out.append(1309.5)
    out.append(1316.5)
    out.append(1323.5)
    out.append(1330.5)
    out.append(1337.5)
    out.append(1344.5)
    out.append(1351.5)
    out.append(1358.5)
    out.append(1365.5)
    out.append(1372.5)
    out.append(1379.5)
    out.append(1386.5)
    out.append(1393.5)
    out.append(1400.5)
    out.append(1407.5)
    out.append(1414.5)
    out.append(1421.5)
    out.append(1428.5)
    out.append(1435.5)
    out.append(1442.5)
    out.append(1449.5)
    out.append(1456.5)
    out.append(1463.5)
    out.append(1470.5)
    out.append(1477.5)
    out.append(1484.5)
    out.append(1491.5)
    out.append(1498.5)
    out.append(1505.5)
    out.append(1512.5)
    out.append(1519.5)
    out.append(1526.5)
    out.append(1533.5)
    out.append(1540.5)
    out.append(1547.5)
    out.append(1554.5)
    out.append(1561.5)
    out.append(1568.5)
    out.append(1575.5)
    out.append(1582.5)
    out.append(1589.5)
    out.append(1596.5)
    out.append(1603.5)
    out.append(1610.5)
    out.append(1617.5)
    out.append(1624.5)
    out.append(1631.5)
    out.append(1638.5)
    out.append(1645.5)
    out.append(1652.5)
    out.append(1659.5)
    out.append(1666.5)
    out.append(1673.5)
    out.append(1680.5)
    out.append(1687.5)
    out.append(1694.5)
    out.append(1701.5)
    out.append(1708.5)
    out.append(1715.5)
    out.append(1722.5)
    out.append(1729.5)
    out.append(1736.5)
    out.append(1743.5)
    out.append(1750.5)
    out.append(1757.5)
    out.append(1764.5)
    out.append(1771.5)
    out.append(1778.5)
    out.append(1785.5)
    out.append(1792.5)
    out.append(1799.5)
    out.append(1806.5)
    out.append(1813.5)
    out.append(1820.5)
    out.append(1827.5)
    out.append(1834.5)
    out.append(1841.5)
    out.append(1848.5)
    out.append(1855.5)
    out.append(1862.5)
    out.append(1869.5)
    out.append(1876.5)
    out.append(1883.5)
    out.append(1890.5)
    out.append(1897.5)
    out.append(1904.5)
    out.append(1911.5)
    out.append(1918.5)
    out.append(1925.5)
    out.append(1932.5)
    out.append(1939.5)
    out.append(1946.5)
    out.append(1953.5)
    out.append(1960.5)
    out.append(1967.5)
    out.append(1974.5)
    out.append(1981.5)
    out.append(1988.5)
    out.append(1995.5)
    out.append(2002.5)
    out.append(2009.5)
    out.append(2016.5)
    out.append(2023.5)
    out.append(2030.5)
    out.append(2037.5)
    out.append(2044.5)
    out.append(2051.5)
    out.append(2058.5)
    out.append(2065.5)
    out.append(2072.5)
    out.append(2079.5)
    out.append(2086.5)
    out.append(2093.5)
    return sum(out), out[0], out[-1], len(out)
print(many_constants())

def many_locals(seed):
    v0 = seed + 0
    v1 = seed + 1
    v2 = seed + 2
    v3 = seed + 3
    v4 = seed + 4
    v5 = seed + 5
    v6 = seed + 6
    v7 = seed + 7
    v8 = seed + 8
    v9 = seed + 9
    v10 = seed + 10
    v11 = seed + 11
    v12 = seed + 12
    v13 = seed + 13
    v14 = seed + 14
    v15 = seed + 15
    v16 = seed + 16
    v17 = seed + 17
    v18 = seed + 18
    v19 = seed + 19
    v20 = seed + 20
    v21 = seed + 21
    v22 = seed + 22
    v23 = seed + 23
    v24 = seed + 24
    v25 = seed + 25
    v26 = seed + 26
    v27 = seed + 27
    v28 = seed + 28
    v29 = seed + 29
    v30 = seed + 30
    v31 = seed + 31
    v32 = seed + 32
    v33 = seed + 33
    v34 = seed + 34
    v35 = seed + 35
    v36 = seed + 36
    v37 = seed + 37
    v38 = seed + 38
    v39 = seed + 39
    v40 = seed + 40
    v41 = seed + 41
    v42 = seed + 42
    v43 = seed + 43
    v44 = seed + 44
    v45 = seed + 45
    v46 = seed + 46
    v47 = seed + 47
    v48 = seed + 48
    v49 = seed + 49
    v50 = seed + 50
    v51 = seed + 51
    v52 = seed + 52
    v53 = seed + 53
    v54 = seed + 54
    v55 = seed + 55
    v56 = seed + 56
    v57 = seed + 57
    v58 = seed + 58
    v59 = seed + 59
    v60 = seed + 60
    v61 = seed + 61
    v62 = seed + 62
    v63 = seed + 63
    v64 = seed + 64
    v65 = seed + 65
    v66 = seed + 66
    v67 = seed + 67
    v68 = seed + 68
    v69 = seed + 69
    v70 = seed + 70
    v71 = seed + 71
    v72 = seed + 72
    v73 = seed + 73
    v74 = seed + 74
    v75 = seed + 75
    v76 = seed + 76
    v77 = seed + 77
    v78 = seed + 78
    v79 = seed + 79
    v80 = seed + 80
    v81 = seed + 81
    v82 = seed + 82
    v83 = seed + 83
    v84 = seed + 84
    v85 = seed + 85
    v86 = seed + 86
    v87 = seed + 87
    v88 = seed + 88
    v89 = seed + 89
    v90 = seed + 90
    v91 = seed + 91
    v92 = seed + 92
    v93 = seed + 93
    v94 = seed + 94
    v95 = seed + 95
    v96 = seed + 96
    v97 = seed + 97
    v98 = seed + 98
    v99 = seed + 99
    v100 = seed + 100
    v101 = seed + 101
    v102 = seed + 102
    v103 = seed + 103
    v104 = seed + 104
    v105 = seed + 105
    v106 = seed + 106
    v107 = seed + 107
    v108 = seed + 108
    v109 = seed + 109
    v110 = seed + 110
    v111 = seed + 111
    v112 = seed + 112
    v113 = seed + 113
    v114 = seed + 114
    v115 = seed + 115
    v116 = seed + 116
    v117 = seed + 117
    v118 = seed + 118
    v119 = seed + 119
    v120 = seed + 120
    v121 = seed + 121
    v122 = seed + 122
    v123 = seed + 123
    v124 = seed + 124
    v125 = seed + 125
    v126 = seed + 126
    v127 = seed + 127
    v128 = seed + 128
    v129 = seed + 129
    v130 = seed + 130
    v131 = seed + 131
    v132 = seed + 132
    v133 = seed + 133
    v134 = seed + 134
    v135 = seed + 135
    v136 = seed + 136
    v137 = seed + 137
    v138 = seed + 138
    v139 = seed + 139
    v140 = seed + 140
    v141 = seed + 141
    v142 = seed + 142
    v143 = seed + 143
    v144 = seed + 144
    v145 = seed + 145
    v146 = seed + 146
    v147 = seed + 147
    v148 = seed + 148
    v149 = seed + 149
    v150 = seed + 150
    v151 = seed + 151
    v152 = seed + 152
    v153 = seed + 153
    v154 = seed + 154
    v155 = seed + 155
    v156 = seed + 156
    v157 = seed + 157
    v158 = seed + 158
    v159 = seed + 159
    v160 = seed + 160
    v161 = seed + 161
    v162 = seed + 162
    v163 = seed + 163
    v164 = seed + 164
    v165 = seed + 165
    v166 = seed + 166
    v167 = seed + 167
    v168 = seed + 168
    v169 = seed + 169
    v170 = seed + 170
    v171 = seed + 171
    v172 = seed + 172
    v173 = seed + 173
    v174 = seed + 174
    v175 = seed + 175
    v176 = seed + 176
    v177 = seed + 177
    v178 = seed + 178
    v179 = seed + 179
    v180 = seed + 180
    v181 = seed + 181
    v182 = seed + 182
    v183 = seed + 183
    v184 = seed + 184
    v185 = seed + 185
    v186 = seed + 186
    v187 = seed + 187
    v188 = seed + 188
    v189 = seed + 189
    v190 = seed + 190
    v191 = seed + 191
    v192 = seed + 192
    v193 = seed + 193
    v194 = seed + 194
    v195 = seed + 195
    v196 = seed + 196
    v197 = seed + 197
    v198 = seed + 198
    v199 = seed + 199
    v200 = seed + 200
    v201 = seed + 201
    v202 = seed + 202
    v203 = seed + 203
    v204 = seed + 204
    v205 = seed + 205
    v206 = seed + 206
    v207 = seed + 207
    v208 = seed + 208
    v209 = seed + 209
    v210 = seed + 210
    v211 = seed + 211
    v212 = seed + 212
    v213 = seed + 213
    v214 = seed + 214
    v215 = seed + 215
    v216 = seed + 216
    v217 = seed + 217
    v218 = seed + 218
    v219 = seed + 219
    v220 = seed + 220
    v221 = seed + 221
    v222 = seed + 222
    v223 = seed + 223
    v224 = seed + 224
    v225 = seed + 225
    v226 = seed + 226
    v227 = seed + 227
    v228 = seed + 228
    v229 = seed + 229
    v230 = seed + 230
    v231 = seed + 231
    v232 = seed + 232
    v233 = seed + 233
    v234 = seed + 234
    v235 = seed + 235
    v236 = seed + 236
    v237 = seed + 237
    v238 = seed + 238
    v239 = seed + 239
    v240 = seed + 240
    v241 = seed + 241
    v242 = seed + 242
    v243 = seed + 243
    v244 = seed + 244
    v245 = seed + 245
    v246 = seed + 246
    v247 = seed + 247
    v248 = seed + 248
    v249 = seed + 249
    v250 = seed + 250
    v251 = seed + 251
    v252 = seed + 252
    v253 = seed + 253
    v254 = seed + 254
    v255 = seed + 255
    v256 = seed + 256
    v257 = seed + 257
    v258 = seed + 258
    v259 = seed + 259
    v260 = seed + 260
    v261 = seed + 261
    v262 = seed + 262
    v263 = seed + 263
    v264 = seed + 264
    v265 = seed + 265
    v266 = seed + 266
    v267 = seed + 267
    v268 = seed + 268
    v269 = seed + 269
    v270 = seed + 270
    v271 = seed + 271
    v272 = seed + 272
    v273 = seed + 273
    v274 = seed + 274
    v275 = seed + 275
    v276 = seed + 276
    v277 = seed + 277
    v278 = seed + 278
    v279 = seed + 279
    v280 = seed + 280
    v281 = seed + 281
    v282 = seed + 282
    v283 = seed + 283
    v284 = seed + 284
    v285 = seed + 285
    v286 = seed + 286
    v287 = seed + 287
    v288 = seed + 288
    v289 = seed + 289
    v290 = seed + 290
    v291 = seed + 291
    v292 = seed + 292
    v293 = seed + 293
    v294 = seed + 294
    v295 = seed + 295
    v296 = seed + 296
    v297 = seed + 297
    v298 = seed + 298
    v299 = seed + 299
    total = v0 + v7 + v14 + v21 + v28 + v35 + v42 + v49 + v56 + v63 + v70 + v77 + v84 + v91 + v98 + v105 + v112 + v119 + v126 + v133 + v140 + v147 + v154 + v161 + v168 + v175 + v182 + v189 + v196 + v203 + v210 + v217 + v224 + v231 + v238 + v245 + v252 + v259 + v266 + v273 + v280 + v287 + v294
    return total, v0, v150, v299
print(many_locals(1), many_locals(1000))

def long_jumps(n):
    acc = 0
    for i in range(n):
        if i % 3 == 0:
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
            acc += i * 1 - 0
            acc += i * 2 - 1
            acc += i * 3 - 2
            acc += i * 4 - 0
            acc += i * 5 - 1
            acc += i * 1 - 2
            acc += i * 2 - 0
            acc += i * 3 - 1
            acc += i * 4 - 2
            acc += i * 5 - 0
            acc += i * 1 - 1
            acc += i * 2 - 2
            acc += i * 3 - 0
            acc += i * 4 - 1
            acc += i * 5 - 2
        else:
            acc -= 1
    return acc
print(long_jumps(10))

def long_while(n):
    i = 0
    s = 0
    while i < n:
        s = (s * 31 + i + 0) % 1000003
        s = (s * 31 + i + 1) % 1000003
        s = (s * 31 + i + 2) % 1000003
        s = (s * 31 + i + 3) % 1000003
        s = (s * 31 + i + 4) % 1000003
        s = (s * 31 + i + 5) % 1000003
        s = (s * 31 + i + 6) % 1000003
        s = (s * 31 + i + 7) % 1000003
        s = (s * 31 + i + 8) % 1000003
        s = (s * 31 + i + 9) % 1000003
        s = (s * 31 + i + 10) % 1000003
        s = (s * 31 + i + 11) % 1000003
        s = (s * 31 + i + 12) % 1000003
        s = (s * 31 + i + 13) % 1000003
        s = (s * 31 + i + 14) % 1000003
        s = (s * 31 + i + 15) % 1000003
        s = (s * 31 + i + 16) % 1000003
        s = (s * 31 + i + 17) % 1000003
        s = (s * 31 + i + 18) % 1000003
        s = (s * 31 + i + 19) % 1000003
        s = (s * 31 + i + 20) % 1000003
        s = (s * 31 + i + 21) % 1000003
        s = (s * 31 + i + 22) % 1000003
        s = (s * 31 + i + 23) % 1000003
        s = (s * 31 + i + 24) % 1000003
        s = (s * 31 + i + 25) % 1000003
        s = (s * 31 + i + 26) % 1000003
        s = (s * 31 + i + 27) % 1000003
        s = (s * 31 + i + 28) % 1000003
        s = (s * 31 + i + 29) % 1000003
        s = (s * 31 + i + 30) % 1000003
        s = (s * 31 + i + 31) % 1000003
        s = (s * 31 + i + 32) % 1000003
        s = (s * 31 + i + 33) % 1000003
        s = (s * 31 + i + 34) % 1000003
        s = (s * 31 + i + 35) % 1000003
        s = (s * 31 + i + 36) % 1000003
        s = (s * 31 + i + 37) % 1000003
        s = (s * 31 + i + 38) % 1000003
        s = (s * 31 + i + 39) % 1000003
        s = (s * 31 + i + 40) % 1000003
        s = (s * 31 + i + 41) % 1000003
        s = (s * 31 + i + 42) % 1000003
        s = (s * 31 + i + 43) % 1000003
        s = (s * 31 + i + 44) % 1000003
        s = (s * 31 + i + 45) % 1000003
        s = (s * 31 + i + 46) % 1000003
        s = (s * 31 + i + 47) % 1000003
        s = (s * 31 + i + 48) % 1000003
        s = (s * 31 + i + 49) % 1000003
        s = (s * 31 + i + 50) % 1000003
        s = (s * 31 + i + 51) % 1000003
        s = (s * 31 + i + 52) % 1000003
        s = (s * 31 + i + 53) % 1000003
        s = (s * 31 + i + 54) % 1000003
        s = (s * 31 + i + 55) % 1000003
        s = (s * 31 + i + 56) % 1000003
        s = (s * 31 + i + 57) % 1000003
        s = (s * 31 + i + 58) % 1000003
        s = (s * 31 + i + 59) % 1000003
        s = (s * 31 + i + 60) % 1000003
        s = (s * 31 + i + 61) % 1000003
        s = (s * 31 + i + 62) % 1000003
        s = (s * 31 + i + 63) % 1000003
        s = (s * 31 + i + 64) % 1000003
        s = (s * 31 + i + 65) % 1000003
        s = (s * 31 + i + 66) % 1000003
        s = (s * 31 + i + 67) % 1000003
        s = (s * 31 + i + 68) % 1000003
        s = (s * 31 + i + 69) % 1000003
        s = (s * 31 + i + 70) % 1000003
        s = (s * 31 + i + 71) % 1000003
        s = (s * 31 + i + 72) % 1000003
        s = (s * 31 + i + 73) % 1000003
        s = (s * 31 + i + 74) % 1000003
        s = (s * 31 + i + 75) % 1000003
        s = (s * 31 + i + 76) % 1000003
        s = (s * 31 + i + 77) % 1000003
        s = (s * 31 + i + 78) % 1000003
        s = (s * 31 + i + 79) % 1000003
        s = (s * 31 + i + 80) % 1000003
        s = (s * 31 + i + 81) % 1000003
        s = (s * 31 + i + 82) % 1000003
        s = (s * 31 + i + 83) % 1000003
        s = (s * 31 + i + 84) % 1000003
        s = (s * 31 + i + 85) % 1000003
        s = (s * 31 + i + 86) % 1000003
        s = (s * 31 + i + 87) % 1000003
        s = (s * 31 + i + 88) % 1000003
        s = (s * 31 + i + 89) % 1000003
        s = (s * 31 + i + 90) % 1000003
        s = (s * 31 + i + 91) % 1000003
        s = (s * 31 + i + 92) % 1000003
        s = (s * 31 + i + 93) % 1000003
        s = (s * 31 + i + 94) % 1000003
        s = (s * 31 + i + 95) % 1000003
        s = (s * 31 + i + 96) % 1000003
        s = (s * 31 + i + 97) % 1000003
        s = (s * 31 + i + 98) % 1000003
        s = (s * 31 + i + 99) % 1000003
        i += 1
    return s
print(long_while(5))

def big_try(x):
    try:
        x = x + 0
        x = x + 1
        x = x + 2
        x = x + 3
        x = x + 4
        x = x + 5
        x = x + 6
        x = x + 7
        x = x + 8
        x = x + 9
        x = x + 10
        x = x + 11
        x = x + 12
        x = x + 13
        x = x + 14
        x = x + 15
        x = x + 16
        x = x + 17
        x = x + 18
        x = x + 19
        x = x + 20
        x = x + 21
        x = x + 22
        x = x + 23
        x = x + 24
        x = x + 25
        x = x + 26
        x = x + 27
        x = x + 28
        x = x + 29
        x = x + 30
        x = x + 31
        x = x + 32
        x = x + 33
        x = x + 34
        x = x + 35
        x = x + 36
        x = x + 37
        x = x + 38
        x = x + 39
        x = x + 40
        x = x + 41
        x = x + 42
        x = x + 43
        x = x + 44
        x = x + 45
        x = x + 46
        x = x + 47
        x = x + 48
        x = x + 49
        x = x + 50
        x = x + 51
        x = x + 52
        x = x + 53
        x = x + 54
        x = x + 55
        x = x + 56
        x = x + 57
        x = x + 58
        x = x + 59
        x = x + 60
        x = x + 61
        x = x + 62
        x = x + 63
        x = x + 64
        x = x + 65
        x = x + 66
        x = x + 67
        x = x + 68
        x = x + 69
        x = x + 70
        x = x + 71
        x = x + 72
        x = x + 73
        x = x + 74
        x = x + 75
        x = x + 76
        x = x + 77
        x = x + 78
        x = x + 79
        x = x + 80
        x = x + 81
        x = x + 82
        x = x + 83
        x = x + 84
        x = x + 85
        x = x + 86
        x = x + 87
        x = x + 88
        x = x + 89
        x = x + 90
        x = x + 91
        x = x + 92
        x = x + 93
        x = x + 94
        x = x + 95
        x = x + 96
        x = x + 97
        x = x + 98
        x = x + 99
        raise ValueError(x)
    except ValueError as e:
        return 'caught', e.args[0]
print(big_try(0))

names = {'n0': 0, 'n1': 1, 'n2': 2, 'n3': 3, 'n4': 4, 'n5': 5, 'n6': 6, 'n7': 7, 'n8': 8, 'n9': 9, 'n10': 10, 'n11': 11, 'n12': 12, 'n13': 13, 'n14': 14, 'n15': 15, 'n16': 16, 'n17': 17, 'n18': 18, 'n19': 19, 'n20': 20, 'n21': 21, 'n22': 22, 'n23': 23, 'n24': 24, 'n25': 25, 'n26': 26, 'n27': 27, 'n28': 28, 'n29': 29, 'n30': 30, 'n31': 31, 'n32': 32, 'n33': 33, 'n34': 34, 'n35': 35, 'n36': 36, 'n37': 37, 'n38': 38, 'n39': 39, 'n40': 40, 'n41': 41, 'n42': 42, 'n43': 43, 'n44': 44, 'n45': 45, 'n46': 46, 'n47': 47, 'n48': 48, 'n49': 49, 'n50': 50, 'n51': 51, 'n52': 52, 'n53': 53, 'n54': 54, 'n55': 55, 'n56': 56, 'n57': 57, 'n58': 58, 'n59': 59, 'n60': 60, 'n61': 61, 'n62': 62, 'n63': 63, 'n64': 64, 'n65': 65, 'n66': 66, 'n67': 67, 'n68': 68, 'n69': 69, 'n70': 70, 'n71': 71, 'n72': 72, 'n73': 73, 'n74': 74, 'n75': 75, 'n76': 76, 'n77': 77, 'n78': 78, 'n79': 79, 'n80': 80, 'n81': 81, 'n82': 82, 'n83': 83, 'n84': 84, 'n85': 85, 'n86': 86, 'n87': 87, 'n88': 88, 'n89': 89, 'n90': 90, 'n91': 91, 'n92': 92, 'n93': 93, 'n94': 94, 'n95': 95, 'n96': 96, 'n97': 97, 'n98': 98, 'n99': 99, 'n100': 100, 'n101': 101, 'n102': 102, 'n103': 103, 'n104': 104, 'n105': 105, 'n106': 106, 'n107': 107, 'n108': 108, 'n109': 109, 'n110': 110, 'n111': 111, 'n112': 112, 'n113': 113, 'n114': 114, 'n115': 115, 'n116': 116, 'n117': 117, 'n118': 118, 'n119': 119, 'n120': 120, 'n121': 121, 'n122': 122, 'n123': 123, 'n124': 124, 'n125': 125, 'n126': 126, 'n127': 127, 'n128': 128, 'n129': 129, 'n130': 130, 'n131': 131, 'n132': 132, 'n133': 133, 'n134': 134, 'n135': 135, 'n136': 136, 'n137': 137, 'n138': 138, 'n139': 139, 'n140': 140, 'n141': 141, 'n142': 142, 'n143': 143, 'n144': 144, 'n145': 145, 'n146': 146, 'n147': 147, 'n148': 148, 'n149': 149, 'n150': 150, 'n151': 151, 'n152': 152, 'n153': 153, 'n154': 154, 'n155': 155, 'n156': 156, 'n157': 157, 'n158': 158, 'n159': 159, 'n160': 160, 'n161': 161, 'n162': 162, 'n163': 163, 'n164': 164, 'n165': 165, 'n166': 166, 'n167': 167, 'n168': 168, 'n169': 169, 'n170': 170, 'n171': 171, 'n172': 172, 'n173': 173, 'n174': 174, 'n175': 175, 'n176': 176, 'n177': 177, 'n178': 178, 'n179': 179, 'n180': 180, 'n181': 181, 'n182': 182, 'n183': 183, 'n184': 184, 'n185': 185, 'n186': 186, 'n187': 187, 'n188': 188, 'n189': 189, 'n190': 190, 'n191': 191, 'n192': 192, 'n193': 193, 'n194': 194, 'n195': 195, 'n196': 196, 'n197': 197, 'n198': 198, 'n199': 199, 'n200': 200, 'n201': 201, 'n202': 202, 'n203': 203, 'n204': 204, 'n205': 205, 'n206': 206, 'n207': 207, 'n208': 208, 'n209': 209, 'n210': 210, 'n211': 211, 'n212': 212, 'n213': 213, 'n214': 214, 'n215': 215, 'n216': 216, 'n217': 217, 'n218': 218, 'n219': 219, 'n220': 220, 'n221': 221, 'n222': 222, 'n223': 223, 'n224': 224, 'n225': 225, 'n226': 226, 'n227': 227, 'n228': 228, 'n229': 229, 'n230': 230, 'n231': 231, 'n232': 232, 'n233': 233, 'n234': 234, 'n235': 235, 'n236': 236, 'n237': 237, 'n238': 238, 'n239': 239, 'n240': 240, 'n241': 241, 'n242': 242, 'n243': 243, 'n244': 244, 'n245': 245, 'n246': 246, 'n247': 247, 'n248': 248, 'n249': 249, 'n250': 250, 'n251': 251, 'n252': 252, 'n253': 253, 'n254': 254, 'n255': 255, 'n256': 256, 'n257': 257, 'n258': 258, 'n259': 259, 'n260': 260, 'n261': 261, 'n262': 262, 'n263': 263, 'n264': 264, 'n265': 265, 'n266': 266, 'n267': 267, 'n268': 268, 'n269': 269}
print(len(names), names['n269'])
big_tuple = ('s0', 's1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12', 's13', 's14', 's15', 's16', 's17', 's18', 's19', 's20', 's21', 's22', 's23', 's24', 's25', 's26', 's27', 's28', 's29', 's30', 's31', 's32', 's33', 's34', 's35', 's36', 's37', 's38', 's39', 's40', 's41', 's42', 's43', 's44', 's45', 's46', 's47', 's48', 's49', 's50', 's51', 's52', 's53', 's54', 's55', 's56', 's57', 's58', 's59', 's60', 's61', 's62', 's63', 's64', 's65', 's66', 's67', 's68', 's69', 's70', 's71', 's72', 's73', 's74', 's75', 's76', 's77', 's78', 's79', 's80', 's81', 's82', 's83', 's84', 's85', 's86', 's87', 's88', 's89', 's90', 's91', 's92', 's93', 's94', 's95', 's96', 's97', 's98', 's99', 's100', 's101', 's102', 's103', 's104', 's105', 's106', 's107', 's108', 's109', 's110', 's111', 's112', 's113', 's114', 's115', 's116', 's117', 's118', 's119', 's120', 's121', 's122', 's123', 's124', 's125', 's126', 's127', 's128', 's129', 's130', 's131', 's132', 's133', 's134', 's135', 's136', 's137', 's138', 's139', 's140', 's141', 's142', 's143', 's144', 's145', 's146', 's147', 's148', 's149', 's150', 's151', 's152', 's153', 's154', 's155', 's156', 's157', 's158', 's159', 's160', 's161', 's162', 's163', 's164', 's165', 's166', 's167', 's168', 's169', 's170', 's171', 's172', 's173', 's174', 's175', 's176', 's177', 's178', 's179', 's180', 's181', 's182', 's183', 's184', 's185', 's186', 's187', 's188', 's189', 's190', 's191', 's192', 's193', 's194', 's195', 's196', 's197', 's198', 's199', 's200', 's201', 's202', 's203', 's204', 's205', 's206', 's207', 's208', 's209', 's210', 's211', 's212', 's213', 's214', 's215', 's216', 's217', 's218', 's219', 's220', 's221', 's222', 's223', 's224', 's225', 's226', 's227', 's228', 's229', 's230', 's231', 's232', 's233', 's234', 's235', 's236', 's237', 's238', 's239', 's240', 's241', 's242', 's243', 's244', 's245', 's246', 's247', 's248', 's249', 's250', 's251', 's252', 's253', 's254', 's255', 's256', 's257', 's258', 's259', 's260', 's261', 's262', 's263', 's264', 's265', 's266', 's267', 's268', 's269')
print(len(big_tuple), big_tuple[-1])
